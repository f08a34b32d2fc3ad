# The wecom-checkin container image, for CI systems that run jobs in a
# container (GitLab): the release's static musl binary on Alpine, with the
# shell and tools the CI examples' scripts use (bash, curl, jq, git) and the
# CA certificates for HTTPS to qyapi.weixin.qq.com.
#
# Built by .github/workflows/release.yml from the release archives (context:
# a folder with amd64/wecom-checkin and arm64/wecom-checkin); it compiles
# nothing. By hand, from a checkout with a musl build:
#   mkdir -p image/amd64 && cp target/x86_64-unknown-linux-musl/dist/wecom-checkin image/amd64/
#   docker build -f Dockerfile image
FROM alpine:3.22
RUN apk add --no-cache bash ca-certificates curl git jq
ARG TARGETARCH
COPY ${TARGETARCH}/wecom-checkin /usr/local/bin/wecom-checkin
RUN wecom-checkin --version
CMD ["wecom-checkin", "--help"]
