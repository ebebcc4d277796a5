# The system packages TritonTube and its tests use, from Debian. Sourced by bin/ scripts and .ci/run.

# command -> Debian package that provides it
declare -A TRITONTUBE_PACKAGES=(
  [ffmpeg]=ffmpeg
  [ffprobe]=ffmpeg
  [etcd]=etcd-server
  [etcdctl]=etcd-client
  [chromium]=chromium
  [chromedriver]=chromium-driver
  [nginx]=nginx-light
)

# install_missing_packages COMMAND...: installs (as root) the packages of the commands that are missing.
install_missing_packages() {
  local missing=() command
  for command in "$@"; do
    command -v "$command" >/dev/null 2>&1 || missing+=("${TRITONTUBE_PACKAGES[$command]}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [[ $(id -u) -ne 0 ]]; then
    echo "Missing: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    return 1
  fi
  echo "Installing ${missing[*]} from Debian ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
