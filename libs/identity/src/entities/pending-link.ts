import { IsNull, Raw } from 'typeorm';

/** A link (invitation, reset or address change) not used and not expired, on the database's clock. */
export const stillWorking = () => ({ usedAt: IsNull(), expiresAt: Raw((expiresAt) => `${expiresAt} > now()`) });
