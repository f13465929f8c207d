/** The demo's development plans (on the latest finished cycle): behaviour keys of the default framework. */
export const DEMO_PLANS: { person: string; share: boolean; items: { behaviourKey: string; name: string; action: string; evidence: string }[] }[] = [
  {
    person: 'priya',
    share: true,
    items: [
      {
        behaviourKey: 'conversations',
        name: 'Guiding conversations',
        action: 'In curatorial meetings, ask each person for their view before giving mine, and sum up what we agreed at the end.',
        evidence: 'Leo and Amara speak first at least once a meeting, and the notes list decisions rather than my suggestions.',
      },
      {
        behaviourKey: 'developing',
        name: 'Developing others',
        action: 'Hand the next loan-object report to Amara and review it with her instead of rewriting it.',
        evidence: 'She presents it to David herself by the end of the quarter.',
      },
    ],
  },
  {
    person: 'hana',
    share: false,
    items: [
      {
        behaviourKey: 'listening',
        name: 'Listening',
        action: 'Let people finish before I reply, and check what they meant with one question.',
        evidence: 'Fewer follow-up emails saying “that is not what I meant”.',
      },
    ],
  },
];
