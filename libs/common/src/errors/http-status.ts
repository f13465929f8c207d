import { ErrorKind } from './app.exception';

export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case ErrorKind.BadRequest:
      return 400;
    case ErrorKind.Validation:
      return 422;
    case ErrorKind.Unauthorized:
      return 401;
    case ErrorKind.Forbidden:
      return 403;
    case ErrorKind.NotFound:
      return 404;
    case ErrorKind.Conflict:
      return 409;
    case ErrorKind.Gone:
      return 410;
    case ErrorKind.PayloadTooLarge:
      return 413;
    case ErrorKind.TooManyRequests:
      return 429;
    default: {
      const exhaustive: never = kind;
      return exhaustive;
    }
  }
}

export const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
