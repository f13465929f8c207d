import type { MessageId } from './en';

// Every id given to react-intl (<FormattedMessage id>, intl.formatMessage) must be a key of the English catalogue.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
