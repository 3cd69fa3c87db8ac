# The verdict on the time server (core/health.rs): the Overview's headline,
# `stratum status`, the alarms of the status bar and of notifications.

health-state-healthy = healthy
health-state-starting = starting
health-state-warning = warning
health-state-critical = critical
status-health = Health

health-healthy = Synchronised and healthy: follows { $reference } at stratum { $stratum }.
health-healthy-unnamed = Synchronised and healthy, at stratum { $stratum }.
health-starting = Starting: waiting for the first answers of the upstream servers.
health-silent = chronyd does not answer: nothing is known about the time it serves.
health-own-clock-none = Serving its own clock at stratum { $stratum }: no upstream server is configured.
health-own-clock-silent = Serving its own clock at stratum { $stratum }: no upstream answers — { $causes }.
health-own-clock-unusable = Serving its own clock at stratum { $stratum }: no upstream can be used — { $causes }.
health-unsynchronised-none = Not synchronised: no upstream server is configured.
health-unsynchronised-silent = Not synchronised: no upstream answers — { $causes }.
health-unsynchronised-unusable = Not synchronised: no upstream can be used — { $causes }.
health-cause-separator = ;{" "}
health-cause-unresolved = { $name } does not resolve
health-cause-not-yet = { $name } has not answered yet
health-cause-silent = { $name } does not answer
health-cause-unusable = { $name } answers, but chronyd cannot use its time
health-cause-falseticker = { $name } disagrees with the other sources
health-cause-jittery = { $name } varies too much
health-cause-usable = { $name } answers
health-cause-selected = { $name } is selected
health-cause-count = { $cause } (one pool line: chronyd keeps { $count } places for the servers it may find there and uses up to its maxsources, 4 by default)

# How each configured server fares (Upstream servers panel).
source-health-selected = selected
source-health-usable = answers, can be selected
source-health-unresolved = does not resolve: no DNS answer
source-health-not-yet = no answer yet ({ $polls ->
        [one] 1 poll
       *[other] { $polls } polls
    } so far)
source-health-silent = no answer in the last 8 polls
source-health-unusable = answers, but chronyd cannot use its time
source-health-falseticker = disagrees with the other sources (falseticker)
source-health-jittery = varies too much
source-health-absent = not among chronyd's sources: Apply adds it
source-health-count = { $state } ({ $count } sources)
source-unresolved-help = chronyd gets no address for { $name }: no DNS server answers for it here. Give this machine a DNS resolver (a nameserver line in /etc/resolv.conf), write the server's IP address instead of its name, or use a name the lab's own DNS serves.
source-unusable-help = { $name } answers every poll, but chronyd does not select it: its selection data says why (not synchronised itself, too far away, noselect, an orphan peer).

alarm-chronyd-silent = Alarm: chronyd does not answer.
alarm-own-clock = Alarm: serving its own clock at stratum { $what }: nothing ties it to true time.
alarm-source-unresolved = Alarm: { $what } does not resolve (no DNS answer): give this machine a DNS resolver, write the server's address, or use a name the lab's DNS serves.
alarm-nts-failing = Alarm: NTS key establishment with { $what } keeps failing.
alarm-leap-list-unusable = Alarm: chronyd cannot use the leap second list { $what }.

# Explain: names, state and reach as separate facts, a server on its own
# clock seen from its client, a source nothing is sent to.
why-unresolved = the name does not resolve (no DNS answer): chronyd has no address for it
why-not-polled = no address, so nothing is sent to it and nothing can answer
why-state-unusable-answers = unusable although it answers: chronyd's selection does not use it (selectdata says why)
why-state-refclock-unused = not used although it delivers samples: the refclock line has the “noselect” option, or chronyd's selection leaves it out (selectdata says why: N is noselect)
why-state-few-samples = not selectable yet: it has answered only its first polls, too few measurements for chronyd to select it; wait a few polls
why-state-unusable-unsynchronised = unusable: it answers at stratum 0 or 16, so it is not synchronised itself
why-stratum-refclock = stratum 0: a reference clock is the reference itself
why-stratum-own-clock = stratum { $stratum }: its server is at the stratum chrony's “local” gives by default (10), so it most likely serves its own clock
why-refid-own-clock = reference ID 7F7F0101 (LOCAL): the server serves its own clock at stratum { $stratum }{ $stratum ->
        [10] , the default of chrony's “local” directive
       *[other] {""}
    }
why-tx-none = no request sent yet: chronyd does not poll this source (set offline, or added moments ago)
why-tests-bad-data = the server's root distance is too large (test 7): its time is not trusted
finding-name-unresolved = { $sources } { $count ->
        [one] does
       *[other] do
    } not resolve (no DNS answer): chronyd has no address to poll, so nothing is sent. Give this machine a DNS resolver (a nameserver line in /etc/resolv.conf), write the server's IP address instead of its name, or use a name the lab's own DNS serves. Where “chronyc sources” lists a source only as ID# and a number, “chronyc -N sources -a” shows the name it was configured with.
finding-nothing-sent = chronyd has sent no request to { $count ->
        [0] this source
       *[other] { $sources }
    } (Total TX 0): it is not being polled. A source set offline (the “offline” option of its server line, or “chronyc offline”) is not polled until “chronyc online”, and “chronyc activity” counts it as offline; a source added moments ago has not reached its first poll; a source with a key (“key N” on its server line) that the keyfile lacks is never polled (chronyd logs “Key N is missing”, “chronyc authdata” shows its KLen 0). Only a server line with the “nts” option also waits for key establishment to give it cookies (“chronyc authdata” shows the attempts).
finding-nothing-sent-by-key-missing = chronyd has sent no request to { $sources } (Total TX 0) because it has no key { $key }: “chronyc authdata” in this paste shows that source with KeyID { $key } and key length 0, so the keyfile lacks the key its “key { $key }” option names (chronyd logs “Key { $key } is missing”). Setting it online changes nothing. Add key { $key } to the file the “keyfile” directive names (chrony.conf(5) keyfile), with the same type and secret as the server's, then run “chronyc rekey” (or restart chronyd).
finding-nothing-sent-by-ipv6-off = chronyd has sent no request to { $count ->
        [0] this source
       *[other] { $sources }
    } (Total TX 0), an IPv6 address, and it has no local address for it ([UNSPEC]): chronyd has no IPv6 socket to send from. chronyd(8): with -4 “only IPv4 sockets will be created” (look for -4 in its command line, “ps -o args -C chronyd”, and in OPTIONS of /etc/sysconfig/chronyd or /etc/default/chrony); a host with IPv6 disabled does the same. Start chronyd without -4, or give this source an IPv4 address. Otherwise the source is not polled: set offline (“chronyc activity”, “chronyc online”), added moments ago, or its key missing from the keyfile.
finding-server-own-clock = { $sources } { $count ->
        [one] is at stratum 10, the stratum chrony's “local” directive gives by default: that server most likely serves its own clock (it has no upstream, or none answers)
       *[other] are at stratum 10, the stratum chrony's “local” directive gives by default: those servers most likely serve their own clocks (they have no upstream, or none answers)
    }, so nothing ties this clock to true time either. Check that server: “chronyc sources” there shows whether any upstream answers.
finding-server-serves-own-clock = { $sources } { $count ->
        [one] serves its own clock (reference ID 7F7F0101, chrony's “local” directive) at stratum { $stratum }: nothing ties that server to true time
       *[other] serve their own clocks (reference ID 7F7F0101, chrony's “local” directive) at stratum { $stratum }: nothing ties those servers to true time
    }, so nothing ties this clock either. Fine for an isolated lab; otherwise give that server a working upstream (“chronyc sources” there shows its sources and whether they answer).
