# Wheelhouse as a container: built with Node, served by an unprivileged nginx with deploy/nginx.conf.
#   docker build -t wheelhouse --build-arg WHEELHOUSE_ALLOWED_ORIGINS="https://lms.example.edu" .
#   docker run --read-only --tmpfs /tmp -p 8080:8080 wheelhouse
# One build argument feeds both the embed's postMessage check and nginx's frame-ancestors, as on a
# plain server (README, "Hosting"). BASE_PATH serves the site under a sub-path instead of at /.

FROM node:20-bookworm-slim AS build
ARG WHEELHOUSE_ALLOWED_ORIGINS="*"
ARG BASE_PATH=""
ENV WHEELHOUSE_ALLOWED_ORIGINS=${WHEELHOUSE_ALLOWED_ORIGINS} BASE_PATH=${BASE_PATH}
WORKDIR /src
# Dependencies first, so a change to the site does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The official nginx images have gzip_static but no brotli module: the .br twins would never be sent.
RUN npm run build \
	&& find build -name '*.br' -delete \
	&& node scripts/render-nginx.js --build build --root /usr/share/nginx/html --base "${BASE_PATH}" \
		--listen 8080 --brotli off --out /tmp/wheelhouse.conf

# Runs as uid 101, listens on 8080 and keeps its pid and temp files in /tmp, so the root filesystem
# can be read-only (mount a tmpfs or emptyDir at /tmp).
FROM nginxinc/nginx-unprivileged:1.27-bookworm
ARG BASE_PATH=""
COPY --from=build /tmp/wheelhouse.conf /etc/nginx/conf.d/default.conf
COPY --from=build /src/build /usr/share/nginx/html${BASE_PATH}
USER 101:101
EXPOSE 8080
