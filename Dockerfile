# The proxy, built and run as in production: one plain `node` process of the bundle (signals reach
# it directly: SIGTERM drains in-flight requests for up to 10 s, then it exits). Serves the widget,
# the basemap, the configurator and the API on port 8080.
#
#   docker build -t branch-picker .
#   docker run -p 8080:8080 -v bp-data:/data branch-picker
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://user:password@db:5432/branch_picker branch-picker
#     (several instances on one PostgreSQL: README.md, "Several instances")

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary fits.
RUN apt-get update -qq && apt-get install -y -qq python3 make g++ >/dev/null && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV HOST=0.0.0.0
ENV PORT=8080
ENV DATABASE_PATH=/data/branches.sqlite
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/public ./public
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=2s CMD node -e "fetch('http://127.0.0.1:8080/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/proxy/main.mjs"]
