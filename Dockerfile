# The API for `docker compose up` (see docker-compose.yml): Node 20, the production dependencies,
# the GraphiQL/explorer bundles, `npm start`. It never runs the embedded Neo4j (no Java here): NEO4J_URI
# must name a Neo4j 5, which compose sets to its own `neo4j` service.

# Stage 1: bundle the browser pages (esbuild, GraphiQL, Cytoscape are devDependencies).
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY web ./web
RUN npm run build:web

# Stage 2: the API with production dependencies only, plus the bundles from stage 1.
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
COPY --from=web /app/dist/web ./dist/web

USER node
EXPOSE 4000

# /health: the process is up (compose's `depends_on` already waits for Neo4j; /ready tells whether it answers).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# npm forwards SIGTERM to the API, which drains HTTP and closes the driver (compose runs it under an init).
CMD ["npm", "start"]
