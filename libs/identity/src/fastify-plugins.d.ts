// Brings the request/reply decorations of the cookie and CSRF plugins into scope for type checking.
import '@fastify/cookie';
import '@fastify/csrf-protection';
