/**
 * k, the anonymity threshold: the fewest responses a non-identified rater group needs before any
 * number of it is shown. Its bounds live here, below every library, because both an organisation's
 * default (libs/organizations) and each cycle's own value (libs/cycles) obey them.
 */
export const ANONYMITY_THRESHOLD_MIN = 3;
export const ANONYMITY_THRESHOLD_MAX = 10;
