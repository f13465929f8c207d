# syntax=docker/dockerfile:1
# Ripple in production: API and web app in one Node process, PostgreSQL elsewhere (DATABASE_URL).
# Build: docker build -t ripple .   Run the whole topology: docker compose up (compose.yaml).

# 1. Build: every dependency (swc, vite, types), then the server (dist/apps, dist/libs,
#    dist/migrations) and the web app (dist/web, source maps hidden and not served).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Runtime: production dependencies only, the built files, a user without privileges.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
# argon2 (password hashing) compiles its native module when its prebuilt one does not load (the
# glibc prebuild of argon2 0.45 crashes on Debian 12): the compiler is installed for this step
# only and removed in the same layer.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force \
 && apt-get purge -y python3 make g++ && apt-get autoremove -y && rm -rf /var/lib/apt/lists/* /root/.cache
COPY --from=build /app/dist ./dist
# The image's source maps stay for debugging inside the container; the server never serves them.
USER node
EXPOSE 3000
# No curl in slim images: Node asks /health/ready (the database answers) itself.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations run at start (one instance at a time holds PostgreSQL's migration lock);
# --no-demo: production never seeds the demo organisation.
CMD ["node", "dist/apps/api/src/main.js", "--no-demo"]
