# Helpers shared by the launchers in bin/. Sourced, not run.

# absolute_path PATH: PATH made absolute against the current directory (it need not exist).
absolute_path() {
  case $1 in
    /*) echo "$1" ;;
    *) echo "$PWD/$1" ;;
  esac
}

# path_option KIND OPTION PATH_KIND: the option made absolute when KIND takes a path,
# because Payara Micro runs with another working directory.
path_option() {
  if [[ $1 == "$3" ]]; then absolute_path "$2"; else echo "$2"; fi
}

require_ffmpeg() {
  # shellcheck source=bin/lib/prerequisites.sh
  source "$root/bin/lib/prerequisites.sh"
  install_missing_packages ffmpeg ffprobe
}

# build_if_missing FILE...: builds the project (no tests) when any FILE is missing.
build_if_missing() {
  local file
  for file in "$@"; do
    if [[ ! -e $file ]]; then
      echo "Building TritonTube (first run) ..." >&2
      (cd "$root" && mvn -q -B -DskipTests install)
      return
    fi
  done
}

# ensure_utf8_locale: file names are stored as UTF-8 bytes only under a UTF-8 locale (Java
# takes its file-name encoding from it); without one, Unicode video ids could not be stored.
ensure_utf8_locale() {
  local locale=${LC_ALL:-${LC_CTYPE:-${LANG:-}}}
  shopt -s nocasematch
  [[ $locale == *utf-8* || $locale == *utf8* ]] || export LC_ALL=C.UTF-8
  shopt -u nocasematch
}
