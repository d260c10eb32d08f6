# Production image: one Node process serving Next.js, tRPC, next-auth and socket.io.
# Configuration comes only from environment variables (README: "Configuration").
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
# The whole workspace (node_modules and local data are excluded by .dockerignore): npm ci
# needs every package.json, and listing them one by one goes stale as packages are added.
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run db:generate && NODE_ENV=production npx turbo run build --filter=@oms/web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Applies pending migrations, then serves. Demo data: `docker compose run --rm app npm run db:seed`.
CMD ["node", "scripts/start.mjs", "--no-build", "--no-seed"]
