# The API for `docker compose up` (see docker-compose.yml): Node 20, the production dependencies,
# `npm start`. It never runs the embedded Neo4j (no Java here): NEO4J_URI must name a Neo4j 5,
# which compose sets to its own `neo4j` service.
FROM node:20-bookworm-slim

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit && npm cache clean --force

COPY tsconfig.json ./
COPY src ./src
COPY seed ./seed

USER node
EXPOSE 4000

# /health: the process is up (compose's `depends_on` already waits for Neo4j; /ready tells whether it answers).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# npm forwards SIGTERM to the API, which drains HTTP and closes the driver (compose runs it under an init).
CMD ["npm", "start"]
