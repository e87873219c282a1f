# One trial per `mode`: `hang` leaves a background process holding stdout and waits for ever.
for a in "$@"; do case $a in --mode=*) mode=${a#--mode=};; esac; done
if [ "$mode" = hang ]; then
  sleep 120 &
  sleep 120
fi
if [ "$mode" = ok ]; then echo '{"loss": 0.5}'; else echo '{"loss": 0.1}'; fi
