# Explain texts: field meanings (field-*), reasons for verdicts (why-*),
# findings with cause and fix (finding-*).

explain-kind = Recognised: { $kind }
explain-kind-csv = { $kind } (CSV, chronyc -c)
explain-reason-meaning = { $reason }. { $meaning }
explain-findings = Findings
explain-no-findings = No problem found.
explain-not-recognised = This is not output Stratum recognises (chronyc, ntpq, ntpstat, timedatectl or a switch's show/display ntp commands).
explain-lone-name = This is one address or name alone, as “chronyc sourcename” prints it (the name or address a source was configured with): there is nothing in it to judge. To have that source explained, paste “chronyc sources” or “chronyc ntpdata” of it.
explain-chronyd-log-tracking = These are lines of chronyd's own tracking log (tracking.log, written with “log tracking” in chrony.conf), not a chronyc output: explain reads what chronyc and the tools print. “stratum stats tracking.log” reads this log and summarises its values over time.
explain-chronyd-log-measurements = These are lines of chronyd's own measurements log (measurements.log, written with “log measurements” in chrony.conf), not a chronyc output: explain reads what chronyc and the tools print. “stratum stats measurements.log” reads this log and summarises its values over time.
explain-chronyd-log-statistics = These are lines of chronyd's own statistics log (statistics.log, written with “log statistics” in chrony.conf), not a chronyc output: explain reads what chronyc and the tools print. “stratum stats statistics.log” reads this log and summarises its values over time.
explain-chronyd-log-refclocks = These are lines of chronyd's own refclocks log (refclocks.log, written with “log refclocks” in chrony.conf), not a chronyc output: explain reads what chronyc and the tools print. “stratum stats refclocks.log” reads this log and summarises its values over time.
explain-empty = There is nothing to explain: the input is empty.
explain-too-large = The input is larger than 4 MiB; paste one command's output.
explain-encoding = The file is neither UTF-8 nor UTF-16 (a Chinese Windows editor's “ANSI” is GBK, for example): save it as UTF-8 (or UTF-16) and try again.
explain-col-field = Field
explain-col-value = Value
explain-col-verdict = Verdict
explain-col-meaning = Meaning
explain-row = Row { $n }
verdict-ok = ok
verdict-warn = warn
verdict-bad = bad
verdict-info = info
field-accuracy = Maximum error of the clock as ntpstat estimates it (root delay/2 + root dispersion).
field-actual-freq = Frequency the device's clock actually runs at after correction; close to the nominal one is normal.
field-address = Address or name of the source, client or server this row is about.
field-auth = Whether the source is authenticated (Y) or not (N).
field-auth-mode = Authentication of the source: - none, SK symmetric key, NTS Network Time Security.
field-auth-packets = NTP packets received with valid authentication.
field-authenticated = Whether the last packet from this source was authenticated.
field-burst-offline = Sources doing a burst and going offline afterwards.
field-burst-online = Sources doing a burst and staying online afterwards.
field-clock-jitter = Short-term variation of the device's clock offset; small is good.
field-clock-status = Whether the device's clock is synchronised to a time source.
field-clock-synchronized = Whether the kernel considers the system clock synchronised (by chronyd, ntpd or systemd-timesyncd).
field-cmd-dropped = Command (chronyc) packets dropped by rate limiting.
field-cmd-drops = Command requests from this client that were dropped.
field-cmd-hits = Command (chronyc) requests received from this client.
field-cmd-interval = Average interval between command requests, log2 seconds; - if none.
field-cmd-last = Time since the last command request from this client; - if never.
field-cmd-received = Command (chronyc) packets received.
field-conf-options = Selection options set in the configuration: N noselect, P prefer, T trust, R require.
field-cookie-length = Length of the NTS cookies, bytes.
field-cookies = NTS cookies chronyd holds for this source.
field-delay = Round-trip delay to the source; on a LAN well under a few milliseconds.
field-dispersion = Dispersion: the error estimate of this source's samples; it grows while no answer comes.
field-drift = Frequency drift the device's loop filter corrects, seconds per second.
field-eff-options = Selection options in effect (after authentication rules): N noselect, P prefer, T trust, R require.
field-error = Estimated error of the last sample (the +/- part). The true offset lies within it.
field-est-offset = Offset of the source estimated from all samples.
field-flags = Session flags (Comware command reference): 1 the current reference source the device follows, 2 stratum 15 or less, 3 survived the clock selection, 4 a candidate, 5 created by configuration.
field-freq-skew = Estimated error bound of the frequency; large values mean an unstable source or path.
field-frequency = Frequency error of the local clock (or of the source for sourcestats), ppm. Normal clocks stay within ±100 ppm.
field-hi-limit = Upper end of the source's offset interval used in selection.
field-interleaved = Whether the last exchange used interleaved mode (more accurate transmit timestamps).
field-interleaved-packets = NTP packets answered in interleaved mode.
field-jitter = Variation of the offset between samples; small is stable.
field-jitter-asymmetry = Estimated asymmetry of the network jitter, -0.5 to +0.5.
field-ke-attempts = NTS key establishment attempts since the last success.
field-key-id = With a symmetric key, the key's ID in the key file. With NTS, the number of successful key establishments (NTS-KE) with this source, counting from 0.
field-key-length = Length of the key, bits.
field-key-type = Type of the key (hash or cipher number).
field-last-ke = Time since the last NTS key establishment.
field-last-offset = Offset measured at the last clock update.
field-last-rx = Time since the last good sample from the source (LastRx); - if never. Older than a few polls means it stopped answering.
field-last-sample = Time since the last sample of the source.
field-last-update = Time since the device last updated its clock.
field-leap = Leap status: Normal, Insert/Delete second, or Not synchronised.
field-lo-limit = Lower end of the source's offset interval used in selection.
field-local = Local address the device uses to talk to this peer.
field-local-address = Local address chronyd used for this source.
field-local-mode = The device's NTP mode towards its peer (client, symmetric active...).
field-local-time = The system clock in the local time zone.
field-log-dropped = Client records dropped because the client log was full (clientloglimit).
field-loopfilter = State of the device's clock discipline loop.
field-measured-offset = Offset as measured in the last sample, before later corrections (the [ ] part).
field-mode = Source mode: ^ server, = peer, # local reference clock.
field-nak = NTS negative acknowledgements received.
field-nominal-freq = Nominal frequency of the device's clock oscillator.
field-now = Seconds since the last packet from this source.
field-ntp-dropped = NTP packets dropped by rate limiting (ratelimit).
field-ntp-drops = NTP requests from this client that were dropped (Drop). More than 0 means rate limiting.
field-ntp-hits = NTP requests received from this client (NTP).
field-ntp-interval = Average interval between the client's requests, log2 seconds (Int): 6 means 64 s.
field-ntp-interval-limit = Average interval between the NTP requests of the client after the response rate was limited, log2 seconds (IntL); - if rate limiting never applied to it.
field-ntp-last = Time since the client's last NTP request (Last).
field-ntp-mode = NTP mode of the remote side (server, symmetric active/passive).
field-ntp-received = NTP packets received from clients.
field-ntp-service = Whether a time synchronisation service is enabled and running.
field-ntp-tests = Results of the NTP tests on the last packet; all 1 means it passed every test.
field-ntske-accepted = NTS-KE connections accepted.
field-ntske-dropped = NTS-KE connections dropped by rate limiting.
field-offline = Sources set offline (not polled).
field-offset = Offset between the local clock and the source; the smaller the better.
field-online = Sources being polled.
field-peer-delay = Round-trip delay of the last exchange with the source.
field-peer-dispersion = Dispersion of the last exchange with the source.
field-poll = Polling interval, log2 seconds: 6 means 64 s, 10 means 1024 s.
field-poll-interval = Interval between polls.
field-precision = Precision of the clock (log2 seconds).
field-prefer = Whether the server is configured as preferred.
field-reach = Reachability register in octal: the last 8 polls, 377 = all answered, 0 = none.
field-ref-clock = Reference ID of the source: its upstream's address or a clock code like .GPS.
field-ref-time = When the clock was last updated from its reference (UTC).
field-reference = The reference the device synchronises to.
field-reference-time = When the device last took time from its reference. It is older than the system time by the time since that update: they are not supposed to be equal.
field-refid = Reference ID: the source the clock follows, as an IPv4 address (a hash for IPv6), a reference clock code such as .GPS. or LOCL, or a kiss code such as .INIT. (not synchronised yet); chronyc prints it in hex, 00000000 when none.
field-remote = Address of the remote server or peer.
field-remote-address = Address of the source.
field-remote-port = UDP port of the source.
field-residual-freq = Frequency difference between the source and the local estimate not yet corrected, ppm.
field-response-time = Time the server took between receiving the request and answering.
field-rms-offset = Long-term average of the offset (root mean square).
field-root-delay = Total round-trip delay to the stratum-1 reference.
field-root-dispersion = Total dispersion accumulated to the stratum-1 reference; the clock's error bound grows with it.
field-rtc-local = Whether the hardware clock keeps local time instead of UTC.
field-rtc-time = The hardware (RTC) clock.
field-runs = Runs of residuals with the same sign (NR); few runs mean the samples do not fit a line.
field-sample-offset = Offset of the last sample adjusted for later clock corrections (before the [ ]).
field-samples = Number of samples kept for the source (NP).
field-score = The score against the selected (*) source: above 1, this source was better in recent selections; at 10 chronyd reselects and resets the scores to 1. It keeps sources with a similar root distance from taking turns.
field-select-state = Selection state: * best, + combined, - not combined, x falseticker, ~ jittery, N noselect, s unsynchronised, M missing samples, d/D large distance, w/W waits for others, S stale, O orphan, T/P/U not trusted/preferred/updated, L outlier.
field-server = The server the clock is synchronised to.
field-skew = Estimated error bound of the frequency, ppm.
field-source-interface = Interface whose address the device sends NTP from.
field-span = Time between the oldest and newest sample.
field-stability = Frequency stability (wander).
field-state = Source state: * selected, + combined, - not combined, ? unusable, x falseticker, ~ too variable.
field-status = Status of the server or session as the device sees it.
field-status-word = ntpd's system status word: leap, source and event counters.
field-std-dev = Standard deviation of the samples (Std Dev); the source's noise.
field-stratum = Stratum: distance from a reference clock. 1 = directly attached, 16 (or 0) = unsynchronised.
field-sync-state = Synchronisation state of the device's clock.
field-sync-status = Whether the clock is synchronised.
field-sys-peer = Association ID of the system peer.
meaning-ntpq-sysinfo-sys-peer = The server ntpd follows (its system peer), as address:port; 0.0.0.0:0 when it follows none.
field-system-peer = The peer the device synchronises to.
field-system-time = How far the system clock is from chronyd's NTP time now: “slow” means behind, “fast” ahead. chronyd corrects it by slewing (speeding the clock up or down).
field-tally = Selection mark: * system peer, + candidate (combined), # backup (a survivor not combined), - outlier, x falseticker, blank rejected.
field-time-zone = The system's time zone.
field-timestamp-span = Time span of the kept server timestamps (interleaved mode).
field-timestamps-held = Server timestamps held for interleaved mode.
field-total-good-rx = Packets from the source that passed all tests.
field-total-rx = Packets received from the source.
field-total-tx = Packets sent to the source.
field-total-valid-rx = Valid packets received from the source.
field-tx-timestamping = Where transmit timestamps came from: Daemon, Kernel or Hardware.
field-rx-timestamping = Where receive timestamps came from: Daemon, Kernel or Hardware.
field-type = Association type: u unicast, b broadcast, l local, p pool, s symmetric.
field-universal-time = The system clock in UTC.
field-unresolved = Sources whose name could not be resolved to an address yet.
field-update-interval = Interval between the last two clock updates.
field-version = NTP version.
field-vrf = VRF the peer is reached through.
field-when = Seconds since the last packet from the peer.
why-reach-full = answered all of the last 8 polls
why-reach-zero = never answered in the last 8 polls: unreachable (a server without an “allow” line for this client or with a “deny” line for it, firewall, wrong address, UDP 123 blocked)
why-reach-zero-ntpd = never answered in the last 8 polls: unreachable (a “restrict” line on the server that ignores this host, firewall, wrong address, UDP 123 blocked)
why-reach-zero-switch = never answered in the last 8 polls: unreachable (a server that does not serve this device, an ACL on the way, wrong address, VRF or source interface, UDP 123 blocked)
why-reach-partial = answered { $answered } of the last 8 polls: packets are being lost
why-reach-stopped = answered before, but the last { $missed } polls got no answer: it stopped answering (the time since its last answer grows)
why-reach-last-missed = the newest poll went unanswered, the earlier ones were answered: one miss, not yet a sign of loss
why-reach-last-missed-filling = the newest poll went unanswered and the { $answered } before it were answered; the older bits hold no answer: if chronyd began polling this source { $polls } polls ago that is one miss, otherwise those older polls went unanswered too and packets are being lost (“chronyc ntpdata” counts requests against answers: Total TX, Total RX)
why-state-selected = the clock is synchronised to this source
why-state-combined = combined with the selected source
why-state-not-combined = usable but not combined
why-state-unusable = not usable: no reply yet, or its answers are invalid
why-state-falseticker = falseticker: its time disagrees with the majority
why-state-jittery = too variable to be used
why-stratum-ok = stratum { $stratum } is a valid level
why-stratum-unsynchronised = stratum { $stratum } means not synchronised
why-leap-normal = synchronised, no leap second pending
why-leap-unsynchronised = not synchronised
why-refid-none = no reference: the clock follows nothing
why-refid-local = the local clock (local stratum): no upstream is used
why-offset-beyond-error = larger than the estimated error: the source or path is unstable
why-last-rx-never = no sample ever received
why-last-rx-stale = about { $polls } polls old: the source stopped answering
why-drops-zero = no request dropped
why-drops-rate-limited = { $drops } requests dropped: the client polls faster than ratelimit allows
why-skew-large = more than 100 ppm: the estimate is still unsettled
why-tally-sys-peer = the system peer: the clock follows it
why-tally-candidate = a candidate combined with the system peer
why-tally-backup = a backup: it survived the selection but is not among the first six by synchronisation distance, so it is not combined
why-tally-outlier = an outlier, not used
why-tally-falseticker = a falseticker, not used
why-tally-rejected = { $answers ->
        [yes] not used although it answers (its last poll was answered): the selection left it out (not synchronised itself, too far from the others, or too variable)
       *[other] rejected: unreachable or not yet valid
    }
why-kiss-code = kiss code { $code }: the server answered with this code instead of the time (RFC 5905, 7.4)
why-kiss-denied = kiss code { $code }: { $code ->
        [RSTR] access denied due to the server's local policy
       *[other] access denied by the remote server
    } (RFC 5905, 7.4): the server refuses this client
why-kiss-rate = kiss code { $code }: rate exceeded (RFC 5905, 7.4): the server rate-limits this client
why-kiss-auth = kiss code { $code }: { $code ->
        [CRYP] cryptographic authentication or identification failed
       *[other] server authentication failed
    } (RFC 5905, 7.4)
why-kiss-step = kiss code { $code }: the clock was stepped and this association has not resynchronised since (ntp's decode.html): a passing state, no refusal
why-switch-synchronized = synchronised
why-switch-unsynchronized = not synchronised
why-switch-selected = selected as the clock source
why-switch-rejected = rejected by the device
why-switch-candidate = a valid candidate
why-switch-not-survived = it answers, but did not survive the device's clock selection (its flags have no 3 or 4): most often its time disagrees with the other servers', or its distance (delay and dispersion) is too large
why-yes = yes
why-no = no
finding-not-synchronised-by-stratum-16 = Refused by its own clients: this server follows { $sources } and disciplines its own clock (Leap status Normal), but it sits at stratum 16, which NTP reserves for an unsynchronised clock (RFC 5905: 15 is the highest valid stratum), so its clients refuse it. Its source answers (a real reference ID) at stratum 15, the highest a server may have: this server, one hop below it, is the hop past NTP's limit. Two servers that follow each other (each one’s server line names the other) climb there, and so does a chain from a high “local stratum N”. Give the servers a real upstream or a lower “local stratum N”, or, for two servers that back each other up, use peer lines and “local stratum N orphan” with a low N on both.
finding-not-synchronised = Not synchronised: no upstream is usable (reference ID 00000000, stratum 0 or 16). Check that the servers answer on UDP 123 (firewall, security groups), that their names resolve (DNS), that an isolated server has “local stratum 10 orphan” (from chrony 4.7 an orphan server also waits 300 s after start, waitunsynced, before it serves), and start chronyd with -4 if IPv6 is disabled.
finding-no-upstream-reachable = No source answers (reach 0 everywhere). Causes: first, a server that does not allow this client: chrony.conf(5) (allow): by default no clients are allowed access, and a chronyd drops a request from a client no “allow” line covers without an answer, so it looks just like a firewall; the server needs “allow” with this client's subnet, and no “deny” that covers this client: chrony.conf(5) (allow, deny): the more specific rule wins, so an “allow” of the subnet does not undo a “deny” of this client's address; remove that “deny” (“chronyc accheck ADDRESS” on the server tells whether the client is let in). Then UDP 123 blocked on the way or by a firewall, { $names ->
        [none] wrong addresses,
       *[some] wrong addresses or names that do not resolve,
    } sources set offline (“chronyc offline” or the “offline” option: chronyd does not poll them; “chronyc activity” counts them, “chronyc online” ends it), or upstreams that answer but are not synchronised themselves: chrony counts in the reach only answers from a synchronised server, and a lab server without “local stratum N” shows its clients reach 0 and stratum 0.
finding-unknown-address = { $count } { $count ->
        [one] source has
       *[other] sources have
    } no address yet: their names do not resolve. Check DNS, or use IP addresses; start chronyd with -4 when IPv6 is disabled.
finding-falseticker = { $count ->
        [0] A source is a falseticker
        [one] { $sources } is a falseticker
       *[other] { $sources } are falsetickers
    }: chronyd found { $count ->
        [one] its time
       *[other] their times
    } inconsistent with a majority of the other sources (chronyc(1): “x”) and leaves falsetickers out of the selection. A falseticker's offset is its disagreement, not this clock's error. Check { $count ->
        [one] that source
       *[other] those sources
    } (the server and the path to it); with three or more sources that agree, the majority outvotes a wrong one.
finding-single-source = Only one source: the clock follows it blindly and cannot detect when it is wrong. Where a lab has a pair of servers, give this machine both; with three or more independent sources a wrong one can also be outvoted.
finding-single-source-switch = Only one server: the device follows it blindly and cannot detect when it is wrong. Where the lab has a pair of servers, configure the other one on the device too (a second server in its NTP configuration), so it keeps time when one of them is down.
finding-none-selected = Sources answer but none is selected: they may not have enough samples yet (a source just started or added needs a few polls), disagree, be too far away (maxdistance), be too variable, or wait for a source with “require” that is not selectable (when authenticated and unauthenticated sources are mixed, the default authselectmode mix gives “require” to every authenticated source, NTS or a symmetric “key”, and to reference clocks), or fewer sources are selectable than “minsources” asks (chrony.conf(5) minsources: “the minimum number of sources that need to be considered as selectable … before the local clock is updated”; selectdata marks them W). “chronyc selectdata” gives each source's reason.
finding-serving-local-clock = The server serves its own clock (local stratum): fine for an isolated lab, but nothing ties it to true time. How far it is from true time is unknown: the root dispersion chronyd reports for its own clock bounds no error, as nothing is measured.
finding-serving-local-clock-by-upstreams-silent = The server serves its own clock (local stratum) because none of its configured upstream sources answers (the sources report in this paste: reach 0 everywhere). This is the fallback, not a healthy state: nothing ties the time it serves to true time, and how far it is from true time is unknown while the upstreams stay silent: the root dispersion chronyd reports for its own clock bounds no error. Make the upstreams answer (see the sources findings).
finding-clients-rate-limited = Some clients lose requests to rate limiting ({ $sources }): they poll faster than ratelimit allows. Lower their polling rate or raise the ratelimit interval/burst.
finding-ntp-service-inactive = No time synchronisation service runs: start chronyd with “systemctl enable --now chronyd” on RHEL, Rocky, CentOS and Fedora, or “systemctl enable --now chrony” on Debian and Ubuntu.
finding-source-rejected = The device rejects a server: it is unreachable, unsynchronised itself, or fails its checks. Check that server's status and the path to it.
finding-reference-vs-system-time = The reference time is when the device last synchronised; the system time is now. They differ by the time since that update, which is normal.
finding-synchronised = { $offset ->
    [none] Synchronised at stratum { $stratum }: nothing to fix.
   *[other] Synchronised at stratum { $stratum }, { $offset } from its reference: a small offset, nothing to fix.
}
finding-synchronised-by-upstream-local-clock = { $offset ->
    [none] Synchronised at stratum { $stratum }, to a server that serves its own local clock (see above): in step with that server, not with true time.
   *[other] Synchronised at stratum { $stratum }, { $offset } from its reference, a server that serves its own local clock (see above): in step with that server, not with true time.
}
finding-peer-same-stratum = Peers serve their own clocks at the same stratum, each on its own: they are not in orphan mode. chrony.conf(5) (local, orphan): put the same “local stratum N orphan” on every server of the group; the one with the smallest reference ID then serves and the others follow it.
field-uptime = Time since NTP started on the device (in hundredths of seconds on IOS-XE).
field-resolution = Resolution of the device clock (microseconds on IOS-XE).
field-nts-ke-hits = NTS-KE connections from this client.
field-nts-ke-drops = NTS-KE connections from this client that were dropped.
field-nts-ke-interval = Average interval between NTS-KE connections, log2 seconds.
field-nts-ke-last = Time since the client's last NTS-KE connection.
field-assoc-state = How IOS judges this association: our_master = the system peer the clock follows, selected or candidate = usable, outlyer = not used, falseticker = disagrees with the others, sane/insane and valid/invalid = whether its packets and time pass the checks, unsynced = the server is not synchronised itself.
field-total-kernel-tx = Packets sent to the source whose transmit timestamp came from the kernel (chrony 4.6+).
field-total-kernel-rx = Packets from the source whose receive timestamp came from the kernel (chrony 4.6+).
field-total-hw-tx = Packets sent to the source whose transmit timestamp came from the network card (chrony 4.6+).
field-total-hw-rx = Packets from the source whose receive timestamp came from the network card (chrony 4.6+).
field-daemon-rx-timestamps = Client requests whose receive timestamp chronyd took itself, the least precise kind (chrony 4.4+).
field-daemon-tx-timestamps = Responses whose transmit timestamp chronyd took itself (chrony 4.4+).
field-kernel-rx-timestamps = Client requests timestamped by the kernel on receipt (chrony 4.4+).
field-kernel-tx-timestamps = Responses timestamped by the kernel on transmission (chrony 4.4+).
field-hardware-rx-timestamps = Client requests timestamped by the network card on receipt, the most precise kind (chrony 4.4+, needs hwtimestamp).
field-hardware-tx-timestamps = Responses timestamped by the network card on transmission (chrony 4.4+, needs hwtimestamp).
why-reach-starting = answered all { $answered } polls since it started being polled: the register is still filling, nothing was lost
why-no-reference = not synchronised to any source: chronyd's own estimate, not a comparison with true time
why-own-clock-no-bound = unknown (serves its own clock): chronyd compares its own clock with nothing, so this value (often 0) bounds no error against true time
why-no-sample = no sample yet: chronyd has accepted no answer of this source (none came, or none passed its tests), so this is a placeholder, not a measurement
why-no-sample-ntpd = no sample yet: ntpd has had no usable answer from this server (none came, or none passed its checks), so this is a placeholder, not a measurement
why-no-key = no key and no NTS: this source is not authenticated, so chronyc's 0 here counts nothing
why-not-nts = not NTS: this source is authenticated with a symmetric key, so chronyc's 0 in the NTS columns counts nothing
why-no-sample-switch = no sample yet: the device has had no answer from this server, so this is a placeholder, not a measurement
why-stratum-no-answer = 16, “unsynchronised” (RFC 5905): the stratum an association has until its server first answers
why-refid-init = INIT: no answer yet (RFC 5905 kiss code: “The association has not yet synchronized for the first time”)
why-refid-nts-ke = NTS: ntpd is still waiting for NTS key establishment with this server (ntpsec ntp_peer.c marks an NTS association “NTS” until the key exchange over TCP, port 4460 by default, gives it cookies); no NTP request goes out before that
why-unsync-placeholder = the server is not synchronised: this is the placeholder chronyd sends then (1 s for the root delay and dispersion), not a measurement
finding-some-unreachable = { $servers ->
        [public]
            { $count } of the sources never answered (reach 0): { $sources }. These are public servers, which answer any client, so their “allow” is not the cause. First the way out from here: a route to the internet, and outbound UDP 123 (with its answers) let through by this host's firewall and the network's (a cloud's security group or ACL){ $names ->
                [none] {"."}
               *[some] {"; "}and DNS, since a name that does not resolve is never polled.
            } Then a wrong address, or a source set offline (“chronyc activity” counts them).
       *[other]
            { $count } of the sources never answered (reach 0): { $sources }. Causes: first, a server that does not allow this client: chrony.conf(5) (allow): by default no clients are allowed access, and a chronyd drops a request from a client no “allow” line covers without an answer, so it looks just like a firewall; that server needs “allow” with this client's subnet, and no “deny” that covers this client: chrony.conf(5) (allow, deny): the more specific rule wins, so an “allow” of the subnet does not undo a “deny” of this client's address; remove that “deny” (“chronyc accheck ADDRESS” on the server tells whether the client is let in). Then UDP 123 blocked on the way, { $names ->
                [none] a wrong address,
               *[some] a name that does not resolve,
            } a source set offline and never polled since (“chronyc offline” or the “offline” option; “chronyc activity” counts them), or a server that answers but is not synchronised itself (chrony counts only replies from a synchronised server; a lab server without “local stratum N” has this effect on its clients).
    }
field-poll-seconds = Polling interval in seconds (ntpq and network switches print seconds: 64 means 2⁶ s, 1024 means 2¹⁰ s).
field-current-time = The device's clock now (a date and time, not an offset): Cisco and Huawei print it as "system time", ntpq as "clock". It is later than the reference time by the time since the last update.
finding-no-clients-yet = The client table is empty: no client has reached this server yet. Check that clients point at this server's address, that “allow” covers their subnet and no “deny” covers them (the more specific rule wins, so an “allow” of the subnet does not undo a “deny” of a client), and that UDP 123 is open to them; chronyd lists a client after its first request.
finding-no-sources = No source is configured or none is known yet: add server or pool lines (or check sourcedir), and that names resolve.
finding-no-sources-or-local = No source is listed: chronyd has no server, pool, peer or reference clock, or knows none yet. A lab server that only serves its own clock (“local stratum N”, no upstream) looks like this, and its tracking shows Reference ID 7F7F0101 (LOCL). Otherwise add server or pool lines (or check sourcedir), and check that the names resolve.

# Column and field names as people read them (the tool's own name is in the tooltip).
label-accuracy = Maximum error
label-actual-freq = Actual frequency
label-restrict-flags = Restrict flags
label-rate-control = Rate control
label-address = Address
label-auth = Authentication
label-auth-mode = Authentication mode
label-auth-packets = Authenticated packets
label-authenticated = Authenticated
label-burst-offline = Burst, then offline
label-burst-online = Burst, then online
label-clock-jitter = Clock jitter
label-clock-status = Clock status
label-clock-synchronized = Clock synchronised
label-cmd-dropped = Commands dropped
label-cmd-drops = Commands dropped
label-cmd-hits = Commands
label-cmd-interval = Command interval (log₂ s)
label-cmd-last = Since last command
label-cmd-received = Commands received
label-conf-options = Configured options
label-cookie-length = Cookie length
label-cookies = Cookies
label-delay = Delay
label-dispersion = Dispersion
label-drift = Drift
label-eff-options = Effective options
label-error = Error bound
label-est-offset = Estimated offset
label-flags = Flags
label-freq-skew = Frequency skew (ppm)
label-frequency = Frequency (ppm)
label-hi-limit = Upper limit
label-interleaved = Interleaved
label-interleaved-packets = Interleaved packets
label-jitter = Jitter
label-jitter-asymmetry = Jitter asymmetry
label-ke-attempts = NTS-KE attempts
label-key-id = Key ID
label-key-length = Key length (bits)
label-key-type = Key type
label-last-ke = Since last NTS-KE
label-last-offset = Last offset
label-last-rx = Since last reply
label-last-sample = Last sample
label-last-update = Last update
label-leap = Leap status
label-lo-limit = Lower limit
label-local = Local
label-local-address = Local address
label-local-mode = Local mode
label-local-time = Local time
label-log-dropped = Client records dropped
label-loopfilter = Loop filter
label-measured-offset = Measured offset
label-mode = Mode
label-nak = NAK
label-nominal-freq = Nominal frequency
label-now = Now
label-ntp-dropped = NTP packets dropped
label-ntp-drops = NTP dropped
label-ntp-hits = NTP requests
label-ntp-interval = Interval (log₂ s)
label-ntp-interval-limit = Interval when limited (log₂ s)
label-ntp-last = Since last request
label-ntp-mode = NTP mode
label-ntp-received = NTP packets received
label-ntp-service = NTP service
label-ntp-tests = NTP tests
label-ntske-accepted = NTS-KE accepted
label-ntske-dropped = NTS-KE dropped
label-offline = Offline
label-offset = Offset
label-online = Online
label-peer-delay = Peer delay
label-peer-dispersion = Peer dispersion
label-poll = Poll (log₂ s)
label-poll-interval = Poll interval
label-precision = Precision
label-prefer = Preferred
label-reach = Reach (octal)
label-ref-clock = Reference clock
label-ref-time = Reference time
label-reference = Reference
label-reference-time = Reference time
label-refid = Reference ID
label-remote = Remote
label-remote-address = Remote address
label-remote-port = Remote port
label-residual-freq = Residual frequency (ppm)
label-response-time = Response time
label-rms-offset = RMS offset
label-root-delay = Root delay
label-root-dispersion = Root dispersion
label-rtc-local = RTC in local time
label-rtc-time = RTC time
label-runs = Runs
label-sample-offset = Offset
label-samples = Samples
label-score = Score
label-select-state = Selection state
label-server = Server
label-skew = Skew (ppm)
label-source-interface = Source interface
label-span = Span
label-stability = Stability
label-state = State
label-status = Status
label-status-word = Status word
label-flash = Flash bits
label-peer-status = Association status
label-std-dev = Standard deviation
label-stratum = Stratum
label-sync-state = Synchronisation state
label-sync-status = Synchronisation
label-sys-peer = System peer
label-system-peer = System peer
label-system-time = System clock vs NTP
label-tally = Tally
label-time-zone = Time zone
label-timestamp-span = Timestamp span
label-timestamps-held = Timestamps held
label-total-good-rx = Good replies
label-total-rx = Received
label-total-tx = Sent
label-total-valid-rx = Valid replies
label-tx-timestamping = TX timestamps
label-rx-timestamping = RX timestamps
label-type = Type
label-universal-time = Universal time
label-unresolved = Unresolved
label-update-interval = Update interval
label-version = Version
label-program = Program
label-features = Built with
label-vrf = VRF
label-when = Last reply (s ago)
label-uptime = Uptime
label-resolution = Resolution
label-nts-ke-hits = NTS-KE connections
label-nts-ke-drops = NTS-KE dropped
label-nts-ke-interval = NTS-KE interval (log₂ s)
label-nts-ke-last = Last NTS-KE (s ago)
label-assoc-state = Association state
label-total-kernel-tx = Kernel TX timestamps
label-total-kernel-rx = Kernel RX timestamps
label-total-hw-tx = Hardware TX timestamps
label-total-hw-rx = Hardware RX timestamps
label-daemon-rx-timestamps = Daemon RX timestamps
label-daemon-tx-timestamps = Daemon TX timestamps
label-kernel-rx-timestamps = Kernel RX timestamps
label-kernel-tx-timestamps = Kernel TX timestamps
label-hardware-rx-timestamps = Hardware RX timestamps
label-hardware-tx-timestamps = Hardware TX timestamps
label-poll-seconds = Poll (s)
label-current-time = Clock now

# The kinds of output, as people name them.
kind-chronyc-sources = chronyc sources
kind-chronyc-sourcestats = chronyc sourcestats
kind-chronyc-tracking = chronyc tracking
kind-chronyc-clients = chronyc clients
kind-chronyc-activity = chronyc activity
kind-chronyc-ntpdata = chronyc ntpdata
kind-chronyc-serverstats = chronyc serverstats
kind-chronyc-selectdata = chronyc selectdata
kind-chronyc-authdata = chronyc authdata
kind-ntpq-peers = ntpq -p (ntpd's peers)
kind-ntpq-rv = ntpq -c rv (ntpd's system variables)
kind-ntpq-sysinfo = ntpq -c sysinfo (ntpsec's summary of its system variables)
kind-ntpstat = ntpstat
kind-timedatectl = timedatectl status
kind-timedatectl-show = timedatectl show
kind-timedatectl-timesync-status = timedatectl timesync-status (systemd-timesyncd)
kind-cisco-show-ntp-status = Cisco IOS show ntp status
kind-cisco-show-ntp-associations = Cisco IOS show ntp associations
kind-cisco-show-ntp-associations-detail = Cisco IOS show ntp associations detail
kind-nxos-show-ntp-peer-status = Cisco NX-OS show ntp peer-status
kind-huawei-ntp-service-status = Huawei VRP display ntp-service status
kind-huawei-ntp-service-sessions = Huawei VRP display ntp-service sessions
kind-h3c-ntp-service-status = H3C Comware display ntp-service status
kind-h3c-ntp-service-sessions = H3C Comware display ntp-service sessions (or ipv6 sessions)
kind-junos-show-ntp-status = Junos show ntp status
kind-junos-show-ntp-associations = Junos show ntp associations
kind-arista-show-ntp-status = Arista EOS show ntp status
kind-arista-show-ntp-associations = Arista EOS show ntp associations
kind-show-ntp-server = show ntp server (a switch's server table)

# Where the tools differ in what a column means.
meaning-nxos-show-ntp-peer-status-tally = NX-OS's mark (Cisco NX-OS command reference): * selected for synchronisation, + peer mode (active), - peer mode (passive), = polled in client mode; blank: not selected.
meaning-cisco-show-ntp-associations-tally = IOS's mark (Cisco IOS-XE command reference): * sys.peer (the clock follows it), # selected (a backup, not combined), + candidate, - outlyer, x falseticker; ~ only says the association was configured. Older IOS prints another legend under the table: * master (synced), # master (unsynced), + selected, - candidate.
meaning-cisco-show-ntp-associations-detail-tally = IOS's mark: * sys.peer, # selected, + candidate, - outlyer, x falseticker; ~ configured.
meaning-chronyc-authdata-key-id = With a symmetric key (SK), the key's ID in the key file. With NTS, the number of successful key establishments with this source, counting from 0: it goes up each time chronyd runs NTS-KE again.
meaning-chronyc-selectdata-leap = The source's leap status: N normal, + a leap second will be inserted at the end of the month, - deleted, ? unknown (no valid measurement yet).

why-select-noselect = has the noselect option: never used for synchronisation
why-select-noselect-auth = noselect given by chronyd, not set in the configuration (COpts without N, EOpts N): “authselectmode require” gives every unauthenticated NTP source noselect, and “prefer” does so when a source is authenticated (chrony.conf(5) authselectmode); give it “key” or “nts”, or change authselectmode
why-select-few-measurements = not enough measurements yet to be selectable
why-select-no-measurement = no measurement at all (leap ?: no valid measurement; chronyd shows such a source as M, “does not have enough measurements”, or s, a source that reports no valid time, and the same chronyd can show either at different times): { $refclock ->
        [yes] this reference clock's driver has delivered no sample: nothing feeds it (a SHM or SOCK refclock whose writer, gpsd or the program that feeds the socket, is not running; a GPS without a fix; a PPS device that gives no pulses, or a PPS refclock whose “lock” clock has no samples)
       *[no] it has never answered (reach 0 in “chronyc sources”) or none of its answers passed chronyd's tests (a wrong key, a server not synchronised itself), so waiting will not help; “chronyc ntpdata” shows which (Total RX 0: nothing came back)
    }
why-select-no-answer-yet = no answer yet (leap ?: no valid measurement; chronyd shows such a source as M, “does not have enough measurements”, or s, a source that reports no valid time): chronyd has sent it fewer than eight requests since it started, so give it a few more polls; if reach in “chronyc sources” is still 0 after eight, it does not answer (a wrong address, UDP 123 blocked, no NTP server there)
why-select-unsynchronised = the source is not synchronised itself (stratum 16, or leap status “not synchronised”)
why-select-stratum-range = its stratum is outside the allowed range (minstratum, maxstratum)
why-select-distance = its root distance is larger than maxdistance allows
why-select-jitter = its jitter is larger than maxjitter allows
why-select-waits-others = waits for other sources to get enough measurements
why-select-stale = has only measurements older than the reachable sources', or has been unreachable for too many polls (maxunreach)
why-select-orphan = its stratum is at or above the orphan stratum of “local … orphan”
why-select-untrusted = does not fully agree with the sources that have the trust option
why-select-falseticker = disagrees with the other sources (falseticker)
why-select-waits-minsources = selectable, but waits for other sources to be selectable (minsources, or another source's require option)
why-select-other-preferred = selectable, but another selectable source has the prefer option
why-select-last-old = its last measurement is far older than another selectable source's: it may have stopped answering
why-select-waits-measurement = selectable, waits for a new measurement after a different source became the best
why-select-not-combined = selectable, but its root distance is (or recently was) too large to be combined (combinelimit)
why-select-outlier = selectable, but left out as an outlier when the sources were clustered
why-select-combined = combined with the best source
why-select-best = the best source: it updates the reference data
why-stratum-high = stratum { $stratum } is the last a server can have: its clients would be unsynchronised at 16; a synchronisation loop climbs here
why-leap-insert = a leap second will be inserted at the end of the day (23:59:60 UTC)
why-leap-delete = a leap second will be deleted at the end of the day
why-leap-expired = the leap second list has expired: chronyd can no longer know of coming leap seconds
why-leap-expiring = the leap second file expires in { $days } { $days ->
        [one] day
       *[other] days
    }: IERS publishes a new list every six months, so a file kept up to date has more left
why-release-unsupported = older than chrony 4.0, the oldest release Stratum knows the outputs and configuration of
why-clock-slow = { $value } behind NTP time (slow)
why-clock-fast = { $value } ahead of NTP time (fast)
why-server-dropping = { $drops } requests dropped, { $percent } % of what came in: rate limiting (ratelimit) or a full client log (clientloglimit)
why-dispersion-large = { $value }, 1 s or more: the time is uncertain
why-root-distance-over-max = { $value }, above systemd-timesyncd's maximum of { $max }: it does not use this server
why-max-error-large = { $value }: the clock may be that far from true time (ntpstat's maximum error: root delay / 2 + root dispersion, and chronyd's offset)
why-max-error-exceeded = { $value }, over the maximum of { $max } given to ntpstat -m: ntpstat exits with status 1
why-frequency-normal = { $ppm } ppm: within the ±100 ppm of normal clocks
why-frequency-high = { $ppm } ppm: more than the ±100 ppm normal clocks stay within
why-residual-freq-settling = { $ppm } ppm with error bounds of ±{ $skew } ppm from { $samples } samples: this source's estimate is still settling, not this clock's frequency error
why-residual-freq-apart = { $ppm } ppm while the other sources give about { $others } ppm: this server's clock runs at another rate
why-frequency-limit = { $ppm } ppm: far past the ±100 ppm of a working clock, at or near what the system driver can set (chrony.conf(5) maxdrift: 100000 ppm on Linux, 500 ppm on FreeBSD, NetBSD and macOS)
why-samples-none = no samples: the source has not answered (or its samples were dropped)
why-rtc-local = the hardware clock keeps local time: wrong after every daylight-saving change and between systems on one machine
why-nts-ke-attempts = { $count } key-establishment attempts since the last success: NTS-KE is failing
why-nts-nak = the server answered with an NTS NAK: the cookie was no longer valid, chronyd must run NTS-KE again
why-nts-few-cookies = only { $count } NTS cookies: requests or responses are being lost
why-nts-no-cookies = no NTS cookies: no key establishment has succeeded, so no authenticated request can be sent
why-key-missing = key { $key } is not in chronyd's keyfile (key length 0): chronyd cannot authenticate this source and sends it no request
why-rx-none = not one packet came back in { $tx } sent
why-rx-lossy = { $rx } answers to { $tx } requests: the server drops or rate-limits them, or the path loses them
why-rx-invalid = only { $valid } of { $rx } packets passed the first tests: authentication (or another check) fails
why-rx-invalid-unkeyed = only { $valid } of { $rx } packets passed the first tests (duplicate, origin timestamp or header checks); no key is used, so not authentication: packets crossing a restart of either side, or copies of old packets
why-rx-startup = { $rx } packets received, none valid yet: a peer's first packets carry no origin timestamp until it has received ours (ntp_core.c, test 3), and chronyd shows a packet here only once one passes; a pair that just started, so wait a few polls and run ntpdata again
why-tests-passed = every test passed
why-tests-auth-failed = the authentication test failed: keys or NTS do not match
why-tests-server-follows-us = only the synchronisation-loop test failed on a source polled as a server: it follows this server (its reference is this host), so chronyd drops every sample of it and can never use it
why-tests-sync-loop = only the synchronisation-loop test failed: the source follows this server (its reference is this host), so chronyd drops its samples and the two never follow each other. The normal state of the upstream side of a peer pair
why-tests-unsynchronised = the server is not synchronised (its leap status or stratum says so)
why-tests-failed = failed: { $tests }; chronyd drops these packets
why-offset-small = { $value }: under 1 ms
why-offset-medium = { $value }: between 1 ms and 100 ms, acceptable over the internet, large for a LAN
why-offset-large = { $value }: 100 ms or more, the clock is off
why-offset-source-large = { $value }: 100 ms or more between this clock and the source: one of the two is off (the source, when the other sources agree with this clock)
why-offset-falseticker = { $value }: this source's disagreement with the majority of the sources (it is a falseticker), not this clock's error
why-offset-unused = { $value }: how far this source is from the source the clock follows; the clock's own offset is the followed source's, not this one's
why-offset-numbers-pps = { $value }: ntpd follows the PPS peer (tally o); this reference clock only numbers the pulse's seconds, and a few ms is its timecode's serial latency (ntpd's NMEA driver calibrates it with fudge time2)
why-offset-within-delay = { $value }: within the round-trip delay plus jitter ({ $bound }). An asymmetric path shifts NTP's measured offset by up to half the delay, more when the delay varies, and the jitter is how far the samples scatter, so this is normal for this path
why-offset-within-root-distance = { $value }: within the root distance (rootdelay/2 + rootdisp = { $bound }), the bound of this clock's error against the primary reference, so ordinary for this path; ntpd slews it

finding-clock-behind = The system clock is { $value } behind NTP time (chronyc: “slow”). chronyd closes the gap by slewing, at most 83 ms per second by default (maxslewrate): { $step ->
    [yes] this gap takes { $slew } or more, so allow a step with “makestep 1 3” (it steps offsets above 1 s) or run “chronyc makestep”.
   *[no] this gap takes about { $slew }, so no step is needed (“makestep 1 3” steps only offsets above 1 s).
} A clock that stays behind is not being corrected: look at the sources and the reference.
finding-clock-ahead = The system clock is { $value } ahead of NTP time (chronyc: “fast”). chronyd closes the gap by slewing, at most 83 ms per second by default (maxslewrate): { $step ->
    [yes] this gap takes { $slew } or more, so allow a step with “makestep 1 3” (it steps offsets above 1 s) or run “chronyc makestep”.
   *[no] this gap takes about { $slew }, so no step is needed (“makestep 1 3” steps only offsets above 1 s).
} A clock that stays ahead is not being corrected: look at the sources and the reference.
finding-source-offset-large = Offsets are large ({ $value }) for { $sources }. A source this far off is wrong or the path to it is asymmetric; with three or more sources chrony can outvote it.
finding-server-dropping = The server dropped { $drops } NTP requests ({ $percent } %): clients poll faster than “ratelimit” allows, or the client log (clientloglimit) is full. Find the clients with “chronyc clients” and lower their polling rate, or raise ratelimit's interval and burst.
finding-rate-limited-by-server = Many requests to { $sources } go unanswered ({ $rx } answers to { $tx } requests): the server may have stopped answering (it is down or no longer reachable: “chronyc sources” then shows its reach falling to 0), it rate-limits this client ({ $fast ->
        [yes] it polls every { $poll } s, faster than one request per 8 s, the average a server allows when its chrony.conf has a “ratelimit” line with the default interval 3 (chronyd limits responses only with that directive, chrony.conf(5)); a server with “ratelimit … kod” answers some requests with a KoD RATE and drops the rest: raise this client's minpoll to 3 or more, leave out “burst”, or loosen the server's ratelimit
       *[no] it polls too often: raise minpoll, leave out “burst”
    }), or the path loses packets.
finding-packet-loss = { $sources }: some polls got no answer (the reach register has gaps): packets are lost on the way, the server is overloaded, or it rate-limits this client (chrony's “ratelimit”, ntpd's “limited”: a client that polls often, or with “burst”, gets no answer to some requests; raise minpoll). “chronyc ntpdata” counts the requests and the answers.
finding-packet-loss-ntpd = { $sources }: some polls got no answer (the reach register has gaps): packets are lost on the way, the server is overloaded, or it rate-limits this client (chrony's “ratelimit”, ntpd's “limited”: a client that polls often, or with “burst”, gets no answer to some requests; raise minpoll on this ntpd's server line). “ntpq -c as” shows each association's last event.
finding-packet-loss-switch = { $sources }: some polls got no answer (the reach register has gaps): packets are lost on the way, the server is overloaded, or it rate-limits the device (chrony's “ratelimit”, ntpd's “limited”: a client that polls often gets no answer to some requests; let the device poll less often, with the minpoll/maxpoll of its NTP server line where the device has them). Check the path from the device to that server (ACLs, a firewall on UDP 123).
finding-source-stopped = { $sources } stopped answering: it answered earlier polls, but the latest ones got no answer (the reach register ends in zeros, and the time since its last answer grows). { $fast_poll ->
        [yes] It is polled every { $poll } s, far faster than the one request per 8 s on average that a server lets through when its chrony.conf has a “ratelimit” line with the default interval 3 and burst 8 (chronyd limits responses only with that directive, chrony.conf(5)): such a server drops runs of requests like these, so rate limiting is as likely as a stopped server. “chronyc ntpdata” counts requests against answers (Total TX, Total RX); raise minpoll to 3 or more, or check that the server still runs and that its answers get through.
       *[no] Check that the server still runs and that its answers get through (UDP 123). Packet loss or rate limiting would leave gaps between answers, not a run of misses at the end.
    }{ $followed ->
        [yes] {" "}{ $selected } is the selected source (*): the clock still follows it and coasts on its last measurements until chronyd drops it from the selection{ $others ->
            [0] ; there is no other source, so then the clock loses synchronisation.
           *[other] , then it moves to the other sources.
        }
        [device] {" "}{ $selected } is the selected source: the clock still follows it and coasts on its last measurements until the device's NTP service drops it from the selection{ $others ->
            [0] ; there is no other source, so then the clock loses synchronisation.
           *[other] , then it moves to the other sources.
        }
       *[no] {""}
    }
finding-source-stale = { $sources } stopped answering, or chronyd no longer polls it: its last sample is old, or none of the last 8 polls was answered (reach 0) although it answered before. A source set offline (“chronyc offline”, or the “offline” option of its line) keeps its last sample and is not polled: “chronyc activity” counts offline sources, “chronyc online” polls them again. Otherwise check that the server runs and that its answers get through (UDP 123).{ $followed ->
        [yes] {" "}{ $selected } is the selected source (*): the clock still follows it and coasts on its last measurements until chronyd drops it from the selection{ $others ->
            [0] ; there is no other source, so then the clock loses synchronisation.
           *[other] , then it moves to the other sources.
        }
        [device] {" "}{ $selected } is the selected source: the clock still follows it and coasts on its last measurements until the device's NTP service drops it from the selection{ $others ->
            [0] ; there is no other source, so then the clock loses synchronisation.
           *[other] , then it moves to the other sources.
        }
       *[no] {""}
    }
explain-unnamed-source = The source chronyc shows as [UNSPEC] (no address before its first answer)
explain-unnamed-source-inline = the source chronyc shows as [UNSPEC] (no address before its first answer)
explain-unnamed-server = The server (the output names none)
explain-unnamed-server-inline = the server (the output names none)
finding-source-offset-large-chronyc-tracking = This clock was { $value } off at its last update (Last offset, chronyc(1): “the estimated local offset on the last clock update”): the clock's own offset, not a source's. { $steady ->
        [yes] RMS offset, its long-term average, is { $rms } too: the clock was that far off at every update, so it is not being corrected. chronyd measures the error and cannot apply it; its log (journalctl -u chronyd, or -u chrony on Debian) says why: “Could not step system clock” (chronyd may not set the clock: started with -x, or without CAP_SYS_TIME in a container) or “Adjustment of … exceeds the allowed maximum” (maxchange).
       *[other] RMS offset, its long-term average, is only { $rms }: the offset is new, and the clock was just corrected or is being corrected now (a step, or a slew). Look again after a few updates; if it stays, the clock is not being corrected, and chronyd's log (journalctl -u chronyd, or -u chrony on Debian) says why.
    }
finding-never-answered = { $sources } never answered: no packet came back. Check the address (and that the name resolves), { $other_port ->
        [yes] that the server listens on UDP { $port }, the Remote port this report shows (set by the “port” option of its server line; NTP servers listen on 123 unless told otherwise), that this port is open in both directions,
        [unknown] that the server's NTP port is open in both directions (UDP 123, or the one the “port” option of its server line sets: the Remote port this report shows is chronyc 4.0's placeholder (0) before a first answer),
       *[no] that UDP 123 is open in both directions,
    } and that the server allows this client (on chrony an “allow” and no “deny” for this client: the more specific rule wins, so an “allow” of its subnet does not undo a “deny” of its address; “restrict” on ntpd). With a key (“key N”), a chrony server that has another key under that ID, or none, drops the requests without a word: compare the key files.
finding-answers-rejected = { $sources } answers, but chronyd has accepted none of its answers: they fail its tests. The causes: the server line's delay limits, maxdelay, maxdelayratio or maxdelaydevratio (maxdelayquant), tighter than the round trip (chrony.conf(5): chronyd ignores measurements with a larger delay); a peer that follows this server, which fails chrony's loop test by design (the upstream side of a peer pair always drops its partner's samples); a source not synchronised itself; or failed authentication. “chronyc ntpdata” shows which tests fail (its NTP tests); for a delay test, increase the limit it names, or find why the round trip is so long.
why-answers-unusable = it answers, but no answer was accepted: they fail chronyd's tests
finding-source-jittery = { $sources } { $count ->
        [one] is too variable to be used (state ~, jitter above maxjitter): the path to it is
       *[other] are too variable to be used (state ~, jitter above maxjitter): the paths to them are
    } congested or asymmetric. Use a closer server, or raise maxjitter if the jitter is expected.
finding-source-unstable = The last offset of { $sources } is larger than its estimated error: the source, or the path to it, is unstable.
finding-frequency-high = The clock's frequency error is { $ppm } ppm, more than the ±100 ppm normal clocks stay within: a faulty oscillator, a virtual machine's clock, or something else adjusting the clock too (ntpd, timesyncd, adjtimex). Make sure only chronyd disciplines it.
finding-frequency-limit = The clock's frequency error is { $ppm } ppm, far past the ±100 ppm of a working clock and at or near what the system driver can set (chrony.conf(5) maxdrift: 100000 ppm on Linux, 500 ppm on FreeBSD, NetBSD and macOS; maxdrift, when set, limits it further). Manual time input (“manual” with “chronyc settime” samples seconds apart, a reference of 7F7F0101) gives such a frequency; so do another program disciplining the clock, a broken hardware clock source, or a virtual machine without a stable clock. With manual samples: “chronyc manual reset”, then give samples minutes apart; otherwise stop other time services and check the clocksource (/sys/devices/system/clocksource).
why-skew-no-estimate = chronyd's starting value: no frequency estimate has been used yet
finding-skew-no-estimate = chronyd uses no frequency estimate yet (skew 1000000 ppm is the value it starts with). Right after a start it has too few samples: wait a few polls. If it stays, every estimate is judged too unreliable to use: “maxupdateskew” is set below the skew the sources reach (chrony.conf(5) maxupdateskew: default 1000 ppm, 10 or smaller for a wired network; “stratum config lint” warns of a value no estimate meets), or no source gives samples. Meanwhile the root dispersion grows.
why-nts-ke-no-requests = NTS-KE connections accepted ({ $ke }), yet no authenticated NTP request came: the clients' key establishment failed on their side
finding-nts-clients-silent = Clients completed NTS key establishment with this server (NTS-KE connections accepted: { $ke }) but sent no authenticated NTP request: a client that gets its keys sends NTS requests at once, so each one's key establishment failed on its side. Most often it refuses this server's certificate: expired (“stratum nts status”), not trusted by the client (ntstrustedcerts), or not naming the host the client uses. “chronyc authdata” on a client shows its NTS-KE attempts.
why-nts-ke-no-ntp = { $ke } NTS-KE connections accepted, yet no NTP packet came from this client: its key establishment failed on its side, or it was sent to another NTP server
finding-nts-ke-clients-silent = { $sources } completed NTS key establishment with this server (NTS-KE column) but sent it no NTP packet (NTP column 0): a client that gets its keys sends NTS requests at once. So its key establishment failed on its side — most often it refuses this server's certificate: expired (“stratum nts status”), not trusted by the client (ntstrustedcerts), or not naming the host the client uses — or “ntsntpserver” sends it to another NTP server. “chronyc authdata” on the client shows its NTS-KE attempts.
finding-serves-nobody = No client has asked this server for its time yet (NTP packets received: 0): it serves nobody. For a server, check first that an “allow” line covers the clients' subnet and that no “deny” line covers them (chrony.conf(5) allow: by default no clients are allowed access; a request from a client not allowed is dropped before it is counted; deny: the more specific rule wins, so an “allow” of the subnet does not undo a “deny” of a client), then that the clients' chrony.conf names this server's address and that UDP 123 reaches it. Fine for a client-only host (“port 0”: chrony.conf(5) “operate strictly in a client-only mode”).
finding-skew-high = The frequency estimate is still uncertain (skew above 100 ppm): chronyd has few samples yet, or the source is noisy. Wait a few more polls.
finding-skew-high-chronyc-sourcestats = The frequency estimate of { $sources } is still uncertain (Freq Skew above 100 ppm): chronyd has few samples of it yet, or the path to it is noisy. Wait a few more polls.
finding-source-frequency-settling = The residual frequency of { $sources } is that source's estimate still settling (its error bounds, Freq Skew, are as wide as the value), not this clock's frequency error: chronyc(1) sourcestats gives each server's “estimated residual frequency” and its error bounds; this clock's own frequency is tracking's. Wait a few polls for more samples to narrow it; if it stays far from the other sources', that server's clock runs at another rate.
finding-source-frequency-apart = { $sources } runs at another rate than the other sources: its residual frequency is { $ppm } ppm against about { $others } ppm for the others, with narrow error bounds. That server's clock is not disciplined (or follows a bad reference), not this one: chronyd leaves it out once its offset drifts away from the others'. Check that server (its own chronyc tracking).
finding-dispersion-high = The root dispersion is { $value }: the time may be that far from true time. The reference is far away or was last heard from long ago.
finding-dispersion-high-systemd = The root distance is { $value }: the time may be that far from true time. The server is far from its reference, or its own time is uncertain.
finding-root-distance-over-max = The root distance of { $sources } is { $value }, above systemd-timesyncd's maximum of { $max } (RootDistanceMaxSec= in timesyncd.conf): timesyncd does not synchronise the clock to this server and will switch to a different one. The server is far from its reference or its own time is uncertain: use a closer or better server (NTP= in /etc/systemd/timesyncd.conf), or raise RootDistanceMaxSec= if this one is the best there is.
finding-max-error-large = { $device ->
    [eos] The switch's NTP status says the time is correct only to within { $value }: the clock may be that far from true time. The bound is root delay / 2 plus root dispersion: “show ntp associations” shows each server's delay, offset and dispersion (a server far away or long unheard raises it). If the clock itself is far off, set it close with “clock set” and let NTP fine-tune it.
   *[other] ntpstat says the time is correct only to within { $value }: the clock may be that far from true time. ntpstat adds root delay / 2, root dispersion and, with chronyd, its offset (System time): “chronyc tracking” shows which is large — an offset chronyd is still slewing away (allow a step with “makestep 1 3”), or a reference far away or long unheard.
}
finding-max-error-exceeded = The maximum error ({ $value }) is over the limit given to ntpstat -m ({ $max }): ntpstat exits with status 1, so a script or monitor that checks it reports the clock as not accurate enough. Raise the -m limit if it is stricter than the lab needs; otherwise “chronyc tracking” shows what makes the error large.
finding-leap-pending = A leap second is announced for the end of the day: chronyd will apply it as “leapsecmode” says (by default it steps the system clock; “slew” or “smear” with leapsecmode/smoothtime avoid the step). Check that every server of the lab agrees.
finding-leap-pending-ntpd = A leap second is announced for the end of the day (leap 01: a second inserted, 10: one deleted, at midnight UTC). ntpd passes it to the kernel, which applies it (the clock repeats or skips a second). Check that ntpd's leap second file (the “leapfile” line of ntp.conf) is current and that every server of the lab announces the same.
finding-leap-pending-switch = A leap second is announced for the end of the day (leap indicator 01: a second inserted, 10: one deleted, at midnight UTC). The device applies it itself at midnight UTC; check that every NTP server it follows announces the same.
finding-leap-pending-systemd = A leap second is announced for the end of the day (a second inserted or deleted at midnight UTC). systemd-timesyncd passes the server's announcement to the kernel, which applies it (the clock repeats or skips a second). Check that every server of the lab announces the same.
finding-leap-file-expired = The leap second list has expired: chronyd cannot know of leap seconds announced after it. Update the distribution's tzdata (leap-seconds.list).
finding-leap-file-expiring = The leap second list expires within 30 days: after that the daemon cannot know of leap seconds announced later. Update the distribution's tzdata (leap-seconds.list) before then.
finding-release-unsupported = This chrony is older than 4.0, the oldest release Stratum knows: its outputs and chrony.conf are read by 4.0's rules and may be misjudged. Upgrade chrony (Debian 11, Ubuntu 22.04, RHEL 9 and later ship 4.0 or newer).
why-nts-ke-connect-failed = chronyd's log in this paste: it could not connect to the server's NTS-KE port (TCP { $port }: { $error }), so it has no NTS keys and sends no request
finding-nts-ke-refused = chronyd could not connect to the NTS-KE port of { $sources } (TCP { $port }: { $error }; its log in this paste says so): without key establishment it has no cookies and sends no NTP request, so reach stays 0. The server does not listen there (chronyd not running, no ntsserverkey and ntsservercert, another ntsport than the server line's) or a firewall rejects TCP to that port; UDP 123 is not the cause.
finding-nts-ke-failing-by-tls-log = NTS key establishment with { $sources } keeps failing, and chronyd's log in this paste says why: the TLS handshake failed (“{ $error }”). { $tls ->
    [untrusted] This client does not trust the certificate's issuer: give it the server's CA certificate with “ntstrustedcerts FILE” in chrony.conf (a private CA is not in the system's trust store), or use a certificate from a CA it trusts.
    [expired] The server's certificate has expired or is not valid yet: renew it (“stratum nts status” shows its dates), or, if this clock is far off, set the clock first (“nocerttimecheck 1”).
    [name] The server's certificate does not name the host this client uses: use the name (or address) the certificate lists on the server line, or issue a certificate for it.
   *[other] Check the server's certificate (trusted by this client through ntstrustedcerts, naming the host you use, not expired).
}
finding-nts-ke-failing = NTS key establishment with { $sources } keeps failing: no cookies, so no authenticated time. Causes: the server's NTS-KE port (TCP 4460) is blocked or closed, its certificate is not trusted (ntstrustedcerts) or does not name the host you use, it has expired, or this clock is too far off to validate it (start with “nocerttimecheck 1” or set the clock).
finding-nts-nak = { $sources } sent an NTS NAK: the server no longer accepts chronyd's cookies (its keys changed, for example after a restart without ntsdumpdir). chronyd runs NTS-KE again by itself; frequent NAKs mean the server loses its keys.
finding-nts-few-cookies = Only { $count } NTS cookies for { $sources } (8 when all is well): requests or responses are being lost.
finding-auth-failing = Packets from { $sources } fail authentication: the symmetric key differs (same ID and secret on both sides, in chrony.keys), the key type is not supported there, or NTS does not match. chronyd ignores every unauthenticated answer.
finding-peer-starting = { $sources } sent packets, but none has passed chronyd's first tests yet (Total valid RX 0), so ntpdata shows no packet's fields: its mode and NTP tests are the empty start, not a failed check (nothing here is configured to sign packets unless a key or NTS is on its line). A symmetric peer's first packets carry no origin timestamp until it has received ours (chrony's ntp_core.c, test 3), and a packet crossing a restart fails the origin check: this is a pair that just started. Wait a few polls and run “chronyc ntpdata” again; Total valid RX should then grow.
finding-key-missing = { $sources } uses key { $key } (“key { $key }” on its server line), but chronyd's keyfile has no key { $key } (“chronyc authdata”: KeyID { $key }, Type 0, KLen 0; chronyd logs “Key { $key } is missing”). chronyd sends that source no request and can never authenticate it. Add key { $key } to the file the “keyfile” directive names (chrony.conf(5) keyfile), with the same type and secret as the server's, then run “chronyc rekey” (or restart chronyd).
finding-auth-failing-ntpd = Packets from { $sources } fail authentication (auth bad): the symmetric key differs. Both sides need the same key ID, type and secret in ntpd's key file (the “keys” line of ntp.conf, often /etc/ntp.keys), the ID listed in “trustedkey”, and the server line naming it (“key N”). ntpd does not use a source whose packets fail authentication.
finding-sync-loop = A synchronisation loop: { $sources } follows this server while this server polls it as an upstream, so neither gets true time from the other (chronyd drops such samples by its loop test; daemons without that test let both strata climb to 16). Give this server a real upstream, or, for two servers that back each other up, use peer lines and “local stratum N orphan” on both.
finding-few-samples = { $sources } { $count ->
        [one] has no samples: it has not answered, or its samples were all rejected.
       *[other] have no samples: they have not answered, or their samples were all rejected.
    }
finding-not-selectable = { $count ->
        [one] { $sources } cannot be selected now: { $why }.
       *[other] { $sources } cannot be selected now, each for the same reason: { $why }.
    }
finding-unused-source-far = { $count ->
        [one] { $sources } is { $value } away from the source the clock follows: that server is wrong or the path to it is asymmetric. The clock's own offset is the followed source's, not this one; replace or remove the server if it stays this far.
       *[other] { $sources } are far from the source the clock follows ({ $value } for the first): those servers are wrong or the paths to them are asymmetric. The clock's own offset is the followed source's, not theirs; replace or remove the servers if they stay this far.
    }
finding-outlier = { $sources } { $count ->
        [one] is an outlier: reachable but not used, its time disagrees
       *[other] are outliers: reachable but not used, their times disagree
    } with the better sources.
finding-rtc-local-time = The hardware clock (RTC) keeps local time: after each daylight-saving change it is an hour off until corrected. Keep it in UTC: timedatectl set-local-rtc 0.
finding-stratum-high = The stratum is { $value }, the last a server can give: its clients would be unsynchronised. A synchronisation loop climbs here; so does a long chain of servers.
finding-kiss-code = { $count ->
        [0] A server
       *[other] { $sources }
    } answered with an access-denied kiss code instead of the time (here { $code }; RFC 5905, 7.4: DENY “access denied by remote server”, RSTR “access denied due to local policy”): it refuses this client. Polling less often does not help: allow this client in the server's access rules (ntpd's restrict, chrony's allow, a switch's ACL), or use another server.
finding-kiss-rate = { $count ->
        [0] A server
       *[other] { $sources }
    } answered with the kiss code RATE instead of the time (RFC 5905, 7.4: “rate exceeded”): it rate-limits this client, which polls it too often. Poll it less often (a higher minpoll, no burst), or have its limit raised: an ntpd server sends RATE to clients its “restrict … limited kod” line catches (“discard” sets the rate), a chronyd server with “ratelimit … kod”.
finding-kiss-auth = { $count ->
        [0] A server
       *[other] { $sources }
    } answered with the kiss code { $code } instead of the time (RFC 5905, 7.4: AUTH “server authentication failed”, CRYP “cryptographic authentication or identification failed”): authentication failed. Compare the keys on both sides: the same key ID, type and secret, and the ID trusted.
finding-kiss-step = { $count ->
        [0] An association
       *[other] { $sources }
    } shows the kiss code STEP: the clock was stepped and the association has not resynchronised since (ntp's decode.html: “a step change in system time has occurred, but the association has not yet resynchronized”). The NTP daemon sets it itself on every association when it steps the clock: a passing state, no refusal by the server. It clears within a few polls; if the reach stays 0, that server no longer answers: check it and the path to it.
finding-upstream-unsynchronised = { $sources } { $count ->
        [one] answers but is not synchronised itself (stratum 16 or leap “not synchronised”): it cannot be followed. Fix that server first
       *[other] answer but are not synchronised themselves (stratum 16 or leap “not synchronised”): they cannot be followed. Fix those servers first
    } (its own sources, or “local stratum N” for an isolated lab; from chrony 4.7 an orphan server waits 300 s after start, waitunsynced, before it serves).
finding-nxos-wrong-vrf = No peer answers and they are polled through VRF “default”: on NX-OS, servers reached through mgmt0 need “ntp server ADDRESS use-vrf management” (and “ntp source-interface mgmt0”).

# In the terms of ntpd, switches and systemd.
finding-not-synchronised-ntpd = ntpd is not synchronised (leap 11, stratum 16 or refid .INIT.). Check that the servers answer on UDP 123 and that “restrict” lets their answers in. An isolated lab server serves its own clock with “tos orphan 10” (or the local clock driver: “server 127.127.1.0” and “fudge 127.127.1.0 stratum 10”).
finding-not-synchronised-ntpstat = The NTP daemon is not synchronised (ntpstat: unsynchronised, leap 11). ntpstat asks chronyd (through chronyc) or ntpd, whichever runs. With chronyd: “chronyc sources” shows whether the servers answer and “chronyc tracking” why none is followed; an isolated lab server serves its own clock with “local stratum 10 orphan”. With ntpd: “ntpq -p” shows the servers; check that “restrict” lets their answers in, and use “tos orphan 10” for an isolated lab.
finding-frequency-high-systemd = The clock's frequency error is { $ppm } ppm, more than the ±100 ppm normal clocks stay within: a faulty oscillator, a virtual machine's clock, or something else adjusting the clock too (chronyd, ntpd, adjtimex). Make sure only systemd-timesyncd disciplines it (timedatectl show-timesync, and no other time daemon running).
finding-frequency-limit-systemd = The clock's frequency error is at the kernel's limit ({ $ppm } ppm; adjtimex allows 500 ppm): systemd-timesyncd cannot correct it. Another program disciplines the clock, the hardware clock source is broken, or a virtual machine runs without a stable clock. Stop other time services; check the clocksource (/sys/devices/system/clocksource).
finding-no-upstream-reachable-by-nts-ke = No server answers ntpd (reach 0 everywhere), and every association shows the refid .NTS.: ntpd has not finished NTS key establishment with the servers, so it sends no NTP request yet. First the key exchange: TCP port 4460 (or the server's ntsport) reachable through firewalls, the server's certificate trusted here (its CA in the system store or in ntpd's “ca” option) and valid now, its name matching the address or name on the server line, and NTS set up on the server (chronyd: ntsservercert and ntsserverkey; ntpd: “nts enable” with its cert and key). Then UDP 123 on the way.
finding-no-upstream-reachable-ntpd = No server answers ntpd (reach 0 everywhere): UDP 123 blocked on the way, { $names ->
        [none] wrong addresses,
       *[some] names that do not resolve,
    } or “restrict” lines that drop the answers. “ntpq -c as” shows each association's state.
finding-serving-local-clock-ntpd = ntpd follows its own clock (the local clock driver 127.127.1.x or orphan mode): fine for an isolated lab, but its time drifts from real time.
finding-serving-local-clock-ntpstat = The time daemon ntpstat asked follows its own clock, not a server: ntpd says “local net” (its local clock driver or orphan mode); chronyd says “NTP server” with no address and no poll interval (ntpstat prints the reference's address from “chronyc -n tracking”, and chronyd's own clock, Reference ID 7F7F0101 from “local stratum” or “manual”, has none). Fine for an isolated lab, but nothing ties it to true time: “chronyc sources” (or “ntpq -p”) shows whether any upstream answers.
finding-not-synchronised-switch = The device is not synchronised. Check that it reaches its NTP servers from its NTP source interface (and VRF), that ACLs and the device's own NTP access control let the answers in ({ $vendor ->
        [cisco] “ntp access-group”
        [huawei] “ntp-service access”
        [h3c] “ntp-service access” on Comware 5, “ntp-service … acl” on Comware 7
        [junos] a firewall filter on lo0
        [arista] the control-plane ACL and “ntp serve”
       *[other] the device's NTP access list
    }), that authentication keys match, and that the servers are synchronised themselves (a server at stratum 16 is refused).
finding-no-upstream-reachable-switch = No NTP server answers the device (reach 0): check first that the server lets this device in (its access rules: a chrony server answers only the subnets its “allow” lines cover, and no client by default), then the route from the NTP source interface (and the VRF it is in), ACLs on the way, and that UDP 123 is open to the servers.
finding-not-synchronised-systemd = The system clock is not synchronised. If chronyd runs (unit chronyd on RHEL, Rocky, CentOS and Fedora; chrony on Debian and Ubuntu), “chronyc tracking” and “chronyc sources” show why; systemd-timesyncd says it in “timedatectl timesync-status”.

field-can-ntp = Whether an NTP service timedatectl can enable is installed.
field-root-distance = Root distance to the reference clock (half the root delay plus the root dispersion): the most the time can be off.
field-packet-count = Packets systemd-timesyncd received from the server.
field-dst-active = Whether daylight-saving time is in effect in the time zone.
label-can-ntp = NTP service available
label-root-distance = Root distance
label-packet-count = Packet count
label-dst-active = Daylight saving
finding-refclock-lost = { $count ->
        [one] The reference clock { $sources } delivers no samples (none in its last two polls, or chronyd marks it unusable): nothing feeds its driver now.
       *[other] The reference clocks { $sources } deliver no samples (none in their last two polls, or chronyd marks them unusable): nothing feeds their drivers now.
    } For a GPS: check the receiver has a fix (antenna, sky view) and that gpsd runs and feeds chronyd (its SHM or SOCK); for a PPS: that the pulse reaches the device and a second source numbers the seconds. { $followed ->
        [yes] { $others ->
            [0] chronyd still follows it from its last samples (“*”); there is no other source, so if it stays silent the clock loses synchronisation.
           *[other] chronyd still follows it from its last samples (“*”); if it stays silent, chronyd moves to the other sources.
        }
       *[no] { $others ->
            [0] There is no other source: until it delivers samples, the clock is not synchronised.
           *[other] chronyd keeps time from the other sources meanwhile.
        }
    }
finding-refclock-irregular = The reference clock { $sources } delivers samples irregularly: for a reference clock the reach register counts the polls at which its driver had a sample (chronyc(1), sources), and this one has gaps, though its last sample is recent. It is the feed from its driver, not a network or a server. Common causes: gpsd or the program writing its SHM segment or socket pauses or restarts, the receiver loses its fix now and then, or a PPS has no lock on a clock that numbers its seconds (the refclock's “lock” option), so chronyd drops pulses. Check gpsd's or the writer's log and the receiver's fix; a poll shorter than the driver's update interval also leaves gaps.
finding-refclock-lost-ntpd = The reference clock { $sources } delivers no samples (reach 0): nothing feeds its driver, and no network, name or upstream is involved. For a GPS: check the receiver has a fix (antenna, sky view) and that gpsd runs and feeds ntpd (its SHM segment) or that the driver can read its serial device; for a PPS: that the pulse reaches the device. If it delivers samples but is not used, check its offset (fudge time1) against the other sources and that the server line has no “noselect”.

# ntpq -c as, ntpq -c rv's leap file, ntpstat's words.
kind-ntpq-associations = ntpq -c as (ntpd's associations)
field-index = The association's place in this list.
field-association-id = ntpd's number for the association (ntpq -c "rv ID" shows its variables).
field-configured = yes: configured and persistent; no: ephemeral (a pool's or a peer that came by itself).
field-condition = Where the selection left the association: sys.peer (followed), candidate, backup, outlier, falseticker, excess or reject.
field-last-event = The association's last event (reachable, unreachable, sys_peer, mobilize…).
field-event-count = How many events of that kind since it changed.
field-tai = TAI − UTC in seconds, from the leap second file (37 since 2017).
field-leap-second = When the last (or next) leap second of the leap second file is.
field-leap-expire = When ntpd's leap second file expires.
field-source = What the clock is synchronised to: an NTP server, a reference clock (atomic clock, radio), or ntpd's own clock ("local net").
field-event = An event ntpd reports, such as a restart.
label-index = Index
label-association-id = Association ID
label-configured = Configured
label-condition = Condition
label-last-event = Last event
label-event-count = Events
label-tai = TAI − UTC
label-leap-second = Leap second
label-leap-expire = Leap file expires
label-source = Synchronised to
label-event = Event
meaning-ntpq-associations-reach = yes: reachable, no: unreachable (ntpq(1), associations).
meaning-ntpq-associations-auth = ok or yes: authenticated; bad: authentication fails; none: not used.
field-program = The program that printed its version: chronyc (the client) or chronyd (the daemon).
meaning-chrony-version-version = The chrony release of that program; chronyc and chronyd of different releases may not understand each other.
field-features = What it was built with: + present, - left out (READLINE line editing, SECHASH hash functions for keys, NTS, IPV6, CMDMON, REFCLOCK, RTC …).
meaning-ntpq-associations-status-word = The peer status word in hexadecimal: status, selection, event count and code.
meaning-ntpstat-ntp-service = Whether ntpstat could talk to the time daemon (ntpd through ntpq on 127.0.0.1, chronyd through chronyc).
finding-ntp-service-inactive-ntpd = No time daemon answered: ntpq (and ntpstat) ask ntpd on 127.0.0.1 and ::1, ntpstat also chronyd through chronyc. Start it (systemctl enable --now ntpd, or chronyd / chrony) and check that ntpd's “restrict” lets 127.0.0.1 query it. chronyd never answers ntpq: where chrony runs, ask it with chronyc tracking and chronyc sources.
finding-leap-file-expired-ntpd = ntpd's leap second file has expired: it cannot know of leap seconds announced since. Update the file its “leapfile” line names (tzdata's leap-seconds.list) and restart ntpd.
finding-leap-file-expiring-ntpd = ntpd's leap second file expires within 30 days (ntpd logs a warning as the day nears); once it has expired, ntpd cannot know of leap seconds announced later. Update the file its “leapfile” line names (tzdata's leap-seconds.list) and restart ntpd before then.
finding-clock-behind-ntpd = The system clock is { $value } behind its server (ntpd's offset: the server is ahead). ntpd slews up to 128 ms and steps beyond (unless run with -x); a clock that stays behind is not being corrected: look at the peers (ntpq -p).
finding-clock-ahead-ntpd = The system clock is { $value } ahead of its server (ntpd's negative offset). ntpd slews up to 128 ms and steps beyond (unless run with -x); a clock that stays ahead is not being corrected: look at the peers (ntpq -p).
finding-clock-behind-switch = The device's clock is { $value } behind its NTP server. A device corrects this itself once it follows a server; if it stays, check the server is selected (show ntp associations / display ntp-service sessions).
finding-clock-ahead-switch = The device's clock is { $value } ahead of its NTP server. A device corrects this itself once it follows a server; if it stays, check the server is selected (show ntp associations / display ntp-service sessions).
finding-clock-behind-systemd = The system clock is { $value } behind the server systemd-timesyncd follows; timesyncd slews small offsets and steps large ones. If it stays, look at timedatectl timesync-status again after a poll.
finding-clock-ahead-systemd = The system clock is { $value } ahead of the server systemd-timesyncd follows; timesyncd slews small offsets and steps large ones. If it stays, look at timedatectl timesync-status again after a poll.

## chronyc's status lines (client.c): chronyd refused the command or did not answer.
kind-chronyc-error = chronyc's reply: an error instead of a report
field-reply = The status line chronyc printed instead of the report: chronyd's answer code (5xx) or chronyc's own message.
label-reply = Reply
why-chronyc-usage = chronyc printed its usage instead of running the command
finding-chronyc-unknown-option = chronyc did not run the command: { $option ->
        [none] it printed its usage, so the command line did not fit this chronyc.
       *[other] this chronyc does not know the option { $option } and printed its usage instead.
    } Options come with releases (-e, the line with a dot that ends each answer, came with chrony 4.4): “chronyc -v” says which release this is; run the command without the option, or with a chronyc of a release that has it.
why-reply-refused = chronyd refused the command or did not answer: no report came back
finding-command-not-authorised = chronyd refused the request (“{ $reply }”): over the network (UDP port 323), even from localhost, chronyd answers only the monitoring reports tracking, sources, sourcestats, activity, rtcdata, manual list, smoothing and the source names (sources -N). Every command that changes something (online, offline, burst, add, delete …) and the other reports (ntpdata, selectdata, authdata, clients, serverstats) need its Unix socket. Run chronyc on the server itself as root or as chrony's user (sudo chronyc …), or point it at the socket (chronyc -h /run/chrony/chronyd.sock).
finding-command-no-host-access = chronyd refused the command (“{ $reply }”): no “cmdallow” line covers the host chronyc runs on. Add “cmdallow ADDRESS” (and “bindcmdaddress” on a reachable address) to the server's chrony.conf, or run chronyc on the server itself.
finding-daemon-unreachable = { $hostform ->
        [bracketed] chronyc could not talk to chronyd (“{ $reply }”) because “-h [{ $bare }]” is not a host it reads: chronyc takes an IPv6 address without brackets, so it tried no address at all. Run it again with “-h { $bare }”; this says nothing about chronyd itself.
       *[other] chronyc could not talk to chronyd (“{ $reply }”): chronyd is not running, or its command socket or port is not reachable. Check “systemctl status chronyd” (or chrony), that the socket (/run/chrony/chronyd.sock) exists and chronyc may open it, and for a remote host (-h) that UDP port { $port } (chronyc -p; chronyd's “cmdport”) is open and “bindcmdaddress” listens on that address.
    }
finding-facility-not-enabled = chronyd has the facility this command needs turned off (“{ $reply }”): settime needs the manual directive in chrony.conf (or “chronyc manual on”), smoothing and smoothtime need the smoothtime directive. Nothing is wrong if you do not use them.
finding-facility-not-enabled-by-manual = chronyd does not accept a time entered by hand (“{ $reply }” to { $command }): chronyc(1) settime works only when chronyd is configured for it, with the manual directive in chrony.conf or with “chronyc manual on”. Turn one of them on and enter the time again; nothing else is wrong.
finding-facility-not-enabled-by-smoothtime = chronyd does not smooth the time it serves (“{ $reply }” to { $command }): smoothing and smoothtime need the smoothtime directive in chrony.conf. Nothing is wrong if you do not use time smoothing.
finding-facility-not-enabled-by-rtcfile = chronyd does not track the real-time clock (“{ $reply }” to { $command }): the RTC commands need the rtcfile directive in chrony.conf. Nothing is wrong unless you meant chronyd to measure the RTC.
finding-rtc-not-tracked = chronyd does not track the real-time clock (“{ $reply }”): without “rtcfile” (or with “rtcsync”) there is no RTC report, and with rtcfile set chronyd drops the RTC when it cannot open the RTC device (/dev/rtc, or the one rtcdevice names: missing in a container or virtual machine, or not readable), saying “Could not open RTC device” in its log. Nothing is wrong unless you meant chronyd to measure the RTC.
finding-command-failed = chronyd refused the command: “{ $reply }”. chronyc 4.0 to 4.9 prints no such code: check which program printed it, and the command and its arguments (chronyc(1)).
finding-chronyd-failed = chronyd could not carry out the command (“{ $reply }”): it understood the command and failed. makestep fails when chronyd does not control the clock (started with -x) or the step would take the time out of range; settime when the time given is not valid or comes less than a second after the previous one; doffset when the offset would make the time invalid. chronyd's log says which (“Could not step system clock”, “Adjustment of … seconds is invalid”).
finding-chronyd-failed-by-makestep = chronyd could not step the clock (“{ $reply }” to makestep): the clock is unchanged. A chronyd started with -x does not control the system clock (chronyd(8): -x “disables the control of the system clock”), so it cannot step it; its log says “Disabled control of system clock” at start and “Could not step system clock” now. That is expected of a test or lab chronyd; one meant to set the clock runs without -x. Otherwise the step would have taken the time out of the range chronyd accepts (its log: “Adjustment of … seconds is invalid”).
finding-chronyd-failed-by-settime = chronyd did not take the time given to settime (“{ $reply }”): it is not a valid time (before 1970, or beyond the range NTP time covers), or it came less than a second after the previous settime. Enter it again (chronyc(1) settime: a time such as 16:30:05, or a date and time).
finding-chronyd-failed-by-doffset = chronyd refused the offset given to doffset (“{ $reply }”): applying it would take the time out of the range chronyd accepts (its log: “Adjustment of … seconds is invalid”). The clock is unchanged.
finding-release-mismatch = chronyc and chronyd do not understand each other (“{ $reply }”): { $code ->
        [502] chronyd does not know the request, which is what a chronyc newer than the chronyd sends for a command the older one does not have.
        [508] chronyd answered with another report than chronyc asked for, as a chronyd of another release does.
        [517] they speak different versions of the command protocol.
        [518] the request is shorter than this chronyd expects, as an older chronyc's is.
        [520] chronyd answered with a status this chronyc does not know, as a newer chronyd can.
       *[other] chrony 4 sends no such status (it belonged to the log-on of old releases).
    } Use the chronyc of the same release as the chronyd it talks to (“chronyc -v” and “chronyd -v” print them).
finding-bad-subnet = chronyd refused the subnet (“{ $reply }”): allow, deny, cmdallow and cmddeny take an address with a prefix length that fits it (192.168.1.0/24, 2001:db8::/32: at most /32 for IPv4 and /128 for IPv6), or “all”. Nothing was changed.
finding-source-already-present = Nothing to fix: the address given is already one of chronyd's sources (“{ $reply }”), so chronyd kept the source it has and added none. “chronyc -n sources -a” lists it. To give it other options, delete it (“chronyc delete ADDRESS”) and add it again.
finding-too-many-sources = chronyd did not add the source (“{ $reply }”): it holds as many sources as it can. Delete the ones no longer needed (“chronyc -n sources -a” lists them).
finding-rtc-not-written = chronyd could not write the RTC parameters to its rtcfile (“{ $reply }”): check the rtcfile path in chrony.conf and that chronyd's user may write there.
finding-address-family = chronyd refused the address (“{ $reply }”): its family (IPv4 or IPv6) is not the one the request asks for (a source's ipv4 or ipv6 option). Give an address of the family asked for, or drop the option.
finding-no-such-sample = chronyd has no manual sample with that index (“{ $reply }”): “chronyc manual list” shows the samples and their indexes; “manual delete INDEX” removes one of those.
finding-client-log-off = chronyd keeps no record of its clients (“{ $reply }”): chrony.conf has “noclientlog”, so “chronyc clients” has nothing to list (and the NTP interleaved mode is off with it). Remove noclientlog to see the clients; nothing is wrong if it is off on purpose.
finding-invalid-name = chronyd refused the name given (“{ $reply }”): a source name must be printable, with no spaces, and shorter than 256 characters. Give the name or the address as it is.
why-chronyc-refused = chronyc refused the command itself: nothing was sent to chronyd
finding-chronyc-unknown-command = chronyc did not run { $command ->
        [none] the command
       *[other] “{ $command }”
    }: chronyc has no such command (“{ $reply }”), a typo or a command only newer chrony has, and nothing was sent to chronyd. { $nearest ->
        [none] Check the spelling: “chronyc help” lists the commands.
       *[other] Did you mean “{ $nearest }”? “chronyc help” lists the commands.
    }
finding-chronyc-name-unresolved = chronyc could not resolve { $name ->
        [none] the name given
       *[other] “{ $name }”
    } to an address (“{ $reply }”), so nothing was sent to chronyd. chronyc looks up the names of delete, burst, online, offline, allow and the other commands itself, on the host it runs on: check the spelling and that the name resolves there (DNS, /etc/hosts: “getent hosts NAME”), or give the address instead (“chronyc -n sources” lists the sources by address).
finding-chronyc-bad-syntax = chronyc refused the command's arguments (“{ $reply }”) and sent nothing to chronyd. Check the command's form in chronyc(1) (“chronyc help” lists each command with its arguments): an address, a subnet, a number or a date where chronyc expects one.
finding-chronyc-socket = chronyc could not set up the socket it receives chronyd's replies on (“{ $reply }”): from chrony 4.8 it makes a directory of its own beside chronyd's socket (chronyc.PID in /run/chrony), as chronyd's user when run as root (-u). Run it as root or as chronyd's user, and check that the socket's directory belongs to chronyd's user; the monitoring reports also come over UDP (chronyc -h 127.0.0.1).
finding-chronyc-no-authentication = chronyc ignored the command (“{ $reply }”): chrony 4 has no command passwords (authhash, password); the commands that change something need chronyd's Unix socket, so run chronyc as root or as chronyd's user on the server itself. Nothing is wrong.

## Reach, LastRx and state read apart (chronyc(1), sources).
why-refclock-no-sample = the reference clock delivered no sample: nothing feeds its driver (SHM segment, socket or device), not a network problem
why-refclock-irregular = its driver had a sample at only { $answered } of the last 8 polls: for a reference clock the reach register counts polls with a sample from its driver (chronyc(1), sources), so the gaps are the driver delivering irregularly, not a network
why-pool-prototype = the pool's own association (refid .POOL.): it only finds the pool's servers, listed on rows of their own, and is never polled itself, so reach 0 and stratum 16 are normal here
kind-ntpq-rv-peer = ntpq -c "rv ASSOCID" (the variables of one of ntpd's associations)
field-flash = Flash bits: the tests the association's last packet or the association itself failed (ntpq(1)); 00 ok means none failed.
field-peer-status = The association's status word: configured or not, reachable or not, and how ntpd's selection treats it (sel_sys.peer, sel_candidate, sel_reject, …).
why-flash-distance = flash { $flash }: distance threshold exceeded, the server's root distance (root delay / 2 + root dispersion) is above ntpd's limit (tos maxdist, 1.5 s unless set): ntpd will not select it
why-flash-unsynchronised = flash { $flash }: the server is not synchronised (leap alarm, or stratum 16 or above ntpd's limit)
why-flash-loop = flash { $flash }: synchronisation loop, the server follows this host
why-flash-auth = flash { $flash }: authentication failed (the key ID, the key, or Autokey)
why-flash-denied = flash { $flash }: access denied (a restrict line refuses it, or the server answered with a kiss code)
why-flash-unreachable = flash { $flash }: unreachable, or not selectable
why-flash-packet = flash { $flash }: a duplicate or bogus packet, dropped (it passes once the next one is good)
why-state-answers-rejected = not usable: it answers (reach), but chronyd accepts none of its samples: they fail its tests
why-state-orphan-peer = a peer this server does not follow: on the orphan root (local … orphan) that is by design
finding-orphan-root = { $upstreams ->
        [silent] No upstream server answers (reach 0) and the peers that answer are not followed
       *[none] The only sources are peers and none is followed, though they answer
    }: this is how the orphan root looks (“local … orphan”: of the servers in orphan mode, the one with the smallest reference ID serves its own clock and the others follow it). Tracking's Reference ID 7F7F0101 on this server confirms it; if this server should follow its peer, check the peer's own sources.

## Findings in the terms of the tool that printed the output (chrony, ntpd, switches).
finding-source-rejected-chrony = { $sources }: the last packet failed NTP tests: { $tests }, and chronyd dropped that sample (ntpdata shows the tests of the last packet only). { $group ->
        [delay] If they keep failing (the source stays “?” in “chronyc sources”), the { $line } line's maxdelay, maxdelayratio or maxdelaydevratio (maxdelayquant) is tighter than the round trip (chrony.conf(5)): increase the one named, or find why the round trip is so long.
        [absurd-delay] The round trip chronyd measured ({ $delay } s) is beyond any limit: chronyd caps maxdelay at 1000 s, so no setting lets these packets through, and no network takes that long. The timestamps are wrong, not the path: a clock stepped between request and answer, or time faked for chronyd (faketime, a restored VM) but not for the kernel that stamps the packets (ntpdata's “RX timestamping”). Fix the clocks or timestamps; raising maxdelay does not help.
       *[other] maxdelay, maxdelayratio, maxdelaydevratio (maxdelayquant) are limits of the { $line } line (chrony.conf(5)). RFC 5905 test 7 is a bad header (stratum, root delay or root dispersion out of range); tests 1–3 a duplicate, bogus or invalid packet; loop: the source follows this server.
    }
finding-source-rejected-ntpd = ntpd does not use { $sources }: it is unreachable, not synchronised itself, or fails ntpd's sanity checks (distance, stratum). “ntpq -c rv ASSOCID” shows the association's flash bits.
finding-some-unreachable-ntpd = { $count } of the servers never answered (reach 0): { $sources }. Causes: UDP 123 blocked on the way, a name that does not resolve, or “restrict” lines (here or on the server) that drop the packets.
finding-some-unreachable-ntpq-associations = { $count ->
        [one] Association { $sources } never answered (reach “no”). “ntpq -c as” shows association ids, not addresses: “ntpq -p” lists the servers' addresses, and “ntpq -c "rv { $sources }"” gives this one's (srcadr)
       *[other] { $count } associations never answered (reach “no”): { $sources }. “ntpq -c as” shows association ids, not addresses: “ntpq -p” lists the servers' addresses, and “ntpq -c "rv ID"” gives one association's (srcadr)
    }. Causes: UDP 123 blocked on the way, a name that does not resolve, or “restrict” lines (here or on the server) that drop the packets.
finding-some-unreachable-switch = { $count } of the NTP servers never answered the device (reach 0): { $sources }. Check the route from the NTP source interface (and its VRF), ACLs on the way, the server's address, and that the server allows this device.
finding-never-answered-switch = { $sources } never answered the device: no packet came back. Check the route from the NTP source interface (and its VRF), ACLs on the way, the server's address and that it allows this device; with authentication, that both sides have the same key.
finding-never-answered-ntpd = { $sources } never answered ntpd: no packet came back. Check the address, that UDP 123 is open both ways, and the “restrict” lines here and on the server; with a key, that both sides have the same key.
finding-none-selected-switch = No server is selected though some answer: they may disagree, be too far away, or fail the device's checks. Compare their offsets and strata.
finding-none-selected-ntpd = No server is selected though some answer (no “*” tally): they may disagree, be too far away (distance) or fail ntpd's checks. Compare their offsets and strata; “ntpq -c as” shows each condition.
finding-upstream-unsynchronised-systemd = { $sources } answers but is not synchronised itself (leap 3 “not synchronised”, stratum 0 or 16, reference INIT: it has not synchronised since it started): systemd-timesyncd cannot follow it. Fix that server first, or give timesyncd another one (NTP= in timesyncd.conf).
finding-upstream-unsynchronised-switch = { $sources } answers but is not synchronised itself (stratum 16 or leap alarm): the device cannot follow it. Fix that server first.
finding-upstream-unsynchronised-ntpd = { $sources } answers but is not synchronised itself (stratum 16 or leap alarm): ntpd cannot follow it. Fix that server first.

## selectdata (chronyc(1)).
why-leap-unknown = unknown: no valid measurement was made yet (selectdata's “?”), not a server saying it is unsynchronised
finding-required-not-selectable = Nothing can be selected: { $sources } have “require” in effect (EOpts R) and none of them is selectable now, so the selectable sources wait (W: { $waiting }). The default “authselectmode mix” gives “require” and “trust” to every authenticated source (NTS, key) and reference clock when unauthenticated servers are configured too (chrony.conf(5)). Make a required source work (NTS-KE on TCP 4460, the refclock's feed), remove the sources that cannot, or set “authselectmode ignore” (“prefer” would give the unauthenticated sources noselect).
finding-all-falsetickers = Nothing can be selected: every source that may be selected ({ $sources }) is marked x, a falseticker: their times disagree and no majority agrees on one time (chronyc(1): “x” marks a source that “may be a falseticker”). { $count ->
        [2] With two sources that disagree there is no majority: chronyd cannot tell which one is right, and one of them may well be. Add a third source (a majority needs at least three), or compare both with another clock and fix or remove the wrong one.
       *[other] Compare each with another clock, fix or remove the wrong one, or add sources so a majority can form.
    } A “trust” source is rejected only when another “trust” source disagrees with it (chrony.conf(5)).
finding-minsources-waiting = The clock is not updated: { $sources } { $count ->
        [one] is selectable but waits
       *[other] are selectable but wait
    } (W), and no source has “require” in effect (EOpts R), so the cause is minsources: chronyd updates the clock only when at least minsources sources are selectable (chrony.conf(5)), and only { $count } { $count ->
        [one] is
       *[other] are
    }. Lower minsources in chrony.conf, or make more sources answer.

## One verdict for a paste: tracking's and sources' findings when selectdata in the same paste
## found why nothing is selected (chronyc(1), selectdata's state letters).
finding-not-synchronised-by-no-update-yet = Not synchronised: chronyd has not updated the clock once since it started (reference ID 00000000, Ref time 1970, Update interval 0; chronyc(1): Ref time is when the last measurement from the reference source was processed). Right after a start or restart this is normal: look again after its first polls (with iburst, about 10 seconds; without, a few minutes). A server with “local … orphan” on chrony 4.7 or later waits 300 seconds after its start before it serves its own clock (chrony.conf(5) local, “waitunsynced”: 300 seconds with orphan), so such a lab server is not synchronised for its first five minutes. If it stays so, no upstream is usable: check that the servers answer on UDP 123 (firewall, security groups), that their names resolve (DNS), that an isolated server has “local stratum 10 orphan”, and start chronyd with -4 if IPv6 is disabled; “chronyc sources” shows which answer.
finding-not-synchronised-by-minsources-waiting = Not synchronised (reference ID 00000000): a source answers, but fewer sources are selectable than “minsources” asks, so chronyd does not update the clock; selectdata shows them waiting (W). Lower minsources in chrony.conf, or make more sources answer.
finding-none-selected-by-first-polls = Servers answer but none is selected yet: each has answered only its first polls (its reach register, the last eight polls in octal, is still filling: 1, 3, 7, 17), so the NTP daemon started moments ago and has too few samples to select a server. Wait a few polls; if none is selected once reach is 377, compare their offsets and strata.
finding-none-selected-by-few-samples = Sources answer but none is selected yet: each has answered only its first polls since it started, too few measurements for chronyd to select it (chronyc(1): “does not have enough measurements”). Wait a few polls; if still none is selected after eight, “chronyc selectdata” gives each source's reason.
finding-none-selected-by-minsources-waiting = Sources answer but none is selected: fewer sources are selectable than “minsources” asks, so the selectable ones wait (selectdata: W). Lower minsources in chrony.conf, or make more sources answer.
finding-not-synchronised-by-all-falsetickers = Not synchronised (reference ID 00000000): the sources answer but their times disagree and no majority agrees on one time; chronyc marks every one that may be selected x, a falseticker (chronyc(1): “x” marks a source that “may be a falseticker”). Compare each with another clock, fix or remove the wrong one, or add sources so a majority can form.
finding-none-selected-by-all-falsetickers = Sources answer but none is selected: their times disagree and no majority agrees on one time (selectdata marks every one that may be selected x, a falseticker). Compare each with another clock, fix or remove the wrong one, or add sources so a majority can form.
finding-not-synchronised-by-required-not-selectable = Not synchronised (reference ID 00000000): the sources with “require” in effect are not selectable, so no source may be selected; selectdata names them (EOpts R). Make a required source work, or remove the option (or set “authselectmode ignore”).
finding-none-selected-by-required-not-selectable = Sources answer but none is selected: the sources with “require” in effect are not selectable, so the others wait (selectdata names them: EOpts R). Make a required source work, or remove the option (or set “authselectmode ignore”).
finding-not-synchronised-by-all-sources-offline = Not synchronised: “chronyc activity” earlier in this paste says every source is offline, so chronyd polls none and the clock runs on its own. “chronyc online” polls them again.
finding-not-synchronised-by-selected-source = Not synchronised, although { $source } is selected (*) and answers in this paste: the network, the names and the server's “allow” are not the cause. chronyd measures the source and does not apply the correction to the clock. It does that when the offset is larger than “maxchange” allows (chrony.conf(5): offsets larger than the maximum “will be ignored”; a negative count ignores them for ever), and its log then says “Adjustment of … seconds exceeds the allowed maximum of … seconds (ignored)” (journalctl -u chronyd, or -u chrony on Debian). Compare the source's offset with maxchange: if the source is right (check it against another clock), step this clock once (chronyc makestep) or raise maxchange; if it is wrong, fix or replace it.
finding-not-synchronised-by-maxchange = Not synchronised: chronyd ignores the corrections it measures{ $source ->
        [none] {""}
       *[other] , from { $source }, which is selected (*) and answers
    }. Its log in this paste says “Adjustment of { $adjustment } seconds exceeds the allowed maximum of { $maximum } seconds (ignored)”: that is the maxchange directive (chrony.conf(5): offsets larger than the maximum “will be ignored for the specified number of times”, and a negative count ignores them for ever). Neither the network nor the source's reachability is the cause. If the source is right (check it against another clock), step this clock once (chronyc makestep) or raise maxchange; if it is wrong, fix or replace it.
finding-correction-ignored = chronyd did not apply a correction of { $adjustment } seconds: its log in this paste says “Adjustment of { $adjustment } seconds exceeds the allowed maximum of { $maximum } seconds ({ $action })”, the maxchange directive at work (chrony.conf(5): offsets larger than the maximum “will be ignored for the specified number of times”; another one makes chronyd give up, a negative count ignores them for ever). { $action ->
        [exiting] chronyd exited: the count ran out.
       *[other] The clock is not corrected while it ignores them.
    } If the source is right (check it against another clock), step this clock once (chronyc makestep) or raise maxchange; if it is wrong, fix or replace it.
finding-reference-lost = This clock runs on its last estimate: tracking still names { $sources } as its reference (chronyc(1): “the server to which the computer is currently synchronised”), but the sources in this paste show it unreachable (reach 0: none of the last eight polls answered). chronyd keeps the frequency it measured and corrects nothing, the error bound grows (root dispersion), and its own clients keep following it at stratum { $stratum }. Make the source answer again, or give this server other sources.
finding-reference-lost-by-removed = This clock runs on its last estimate: tracking still names { $sources } as its reference (chronyc(1): “the server to which the computer is currently synchronised”), but the sources in this paste no longer list it (deleted with “chronyc delete”, or gone from the configuration after a reload). chronyd keeps the frequency it measured and corrects nothing, the error bound grows (root dispersion), and its own clients keep following it at stratum { $stratum }. Add a source back (server or pool lines, or “chronyc add server”).
finding-no-sources-or-local-by-reference-removed = No source is listed, although tracking in this paste names { $sources } as its reference: it was removed (“chronyc delete”, or a configuration reloaded without it) and chronyd has no other. Add server or pool lines (or “chronyc add server”).
finding-stats-stale = The statistics of { $sources } come from samples taken before it stopped answering (the sources in this paste: reach 0): chronyd adds none while a source is silent, so these figures say nothing about now.
finding-no-upstream-reachable-by-some-unresolved = { $sources } { $count ->
        [one] is polled but does not answer
       *[other] are polled but do not answer
    } (reach 0); the other sources have no address, so nothing is sent to them. Check that the server lets this client in (its “allow” lines, no “deny” for it: “chronyc accheck ADDRESS” there tells), that UDP 123 gets through, that the address is right, and that the server is synchronised or has “local stratum N”.
finding-no-upstream-reachable-by-stopped = No source answers now: every source answered before and has stopped (reach 0, its last sample old), so the addresses and the server's “allow”, which worked, are not the cause. The server stopped or was restarted without its configuration, or the path to it broke (a firewall or route change), or the sources were set offline (“chronyc activity” counts them, “chronyc online” polls them again). Check that the server runs and answers (“chronyc tracking” there).{ $estimate ->
        [tracking] {""}
       *[other] {" "}Meanwhile this clock runs on from its last estimate, and its own clients keep following it.
    }
finding-no-upstream-reachable-by-some-stopped = No source answers now (reach 0 everywhere). { $stopped } answered before and stopped (a last sample, then reach 0): its address and its server's “allow” worked, so that server stopped or was restarted without its configuration, the path to it broke (a firewall or route change), or it was set offline (“chronyc activity” counts offline sources, “chronyc online” polls them again). { $never } never answered: a server that does not allow this client (it needs “allow” with this client's subnet and no “deny” for it; “chronyc accheck ADDRESS” on the server tells), UDP 123 blocked on the way, a wrong address, or an upstream that is not synchronised itself.
finding-no-upstream-reachable-by-all-sources-offline = No source answers (reach 0 everywhere) because chronyd asks none: “chronyc activity” earlier in this paste says every source is offline, and an offline source is not polled, so its reach register empties without a packet lost. “chronyc online” polls them again.
finding-some-unreachable-by-all-sources-offline = { $count } of the sources have reach 0: { $sources }. chronyd does not poll them: “chronyc activity” earlier in this paste says every source is offline. “chronyc online” polls them again.
finding-some-unreachable-by-sources-offline = { $count ->
        [one] 1 source has
       *[other] { $count } sources have
    } reach 0 and no sample: { $sources }. First the cause this paste shows: “chronyc activity” here counts { $count } { $count ->
        [one] source
       *[other] sources
    } set offline, and chronyd sends an offline source no request, so no answer can come (set by the “offline” option of the server line, “chronyc offline”, or a network script calling it). “chronyc online” polls them again; only if they stay at reach 0 after that, check the server's “allow” for this client and UDP 123.
finding-never-answered-by-sources-offline = { $sources } has reach 0 and no sample. First the cause this paste shows: “chronyc activity” here counts a source set offline, and chronyd sends an offline source no request, so no answer can come (set by the “offline” option of the server line, “chronyc offline”, or a network script calling it). “chronyc online” polls it again; only if it stays at reach 0 after that, check the server's “allow” for this client and UDP 123.
finding-never-answered-by-all-sources-offline = { $sources } has no answer because chronyd sends it no request: “chronyc activity” earlier in this paste says every source is offline. “chronyc online” polls it again.
finding-source-stale-by-all-sources-offline = { $sources } keeps its last sample but is no longer polled: “chronyc activity” earlier in this paste says every source is offline, so its reach register empties without a packet lost. “chronyc online” polls it again.

## sourcestats (sourcestats.c: no regression below 3 samples).
why-samples-few = fewer than 3 samples: chronyd makes no estimate yet, so this row's frequency, skew and deviation are its worst-case placeholders

## timedatectl show-timesync (timedatectl(1): "Show properties of systemd-timesyncd").
kind-timedatectl-show-timesync = timedatectl show-timesync
field-server-address = The address systemd-timesyncd sends to (empty: none yet, the name did not resolve or no server was tried).
label-server-address = Server address
field-ignored = Whether systemd-timesyncd ignored the last answer (a kiss code, an unsynchronised server or a bad packet).
label-ignored = Ignored
why-timesync-ignored = systemd-timesyncd ignored this answer: it does not follow this server now
why-timesync-no-answer = no answer yet: systemd-timesyncd shows no NTP message from any server
why-timesync-no-server = no server: the server name and address are empty and no server list (NTP=, the network, FallbackNTP=) names one
finding-timesync-no-server = systemd-timesyncd has no NTP server to ask: NTP= in timesyncd.conf is empty, the network gave none and FallbackNTP= is empty too (timesyncd.conf(5)), so it sends nothing and cannot synchronise the clock. Set the servers with NTP= in /etc/systemd/timesyncd.conf (or a drop-in in timesyncd.conf.d), then “systemctl restart systemd-timesyncd”.
# The server row before any answer: timesyncd asks it, the clock does not follow it yet.
meaning-timedatectl-show-timesync-server = The server systemd-timesyncd uses now (empty: none picked); the clock follows it only once it has answered (NTPMessage= not empty).
meaning-timedatectl-timesync-status-server = The server systemd-timesyncd uses now, address (name); the clock follows it only once it has answered (Packet count above 0).
finding-never-answered-systemd = systemd-timesyncd has no answer from { $sources } yet (no NTP message). Check that the name resolves, that the server lets this machine in (its access rules: a chrony server answers only the subnets its “allow” lines cover, and no client by default), that UDP 123 is open to the server, and “systemctl status systemd-timesyncd” (it stops when chronyd or ntpd runs).
why-timesync-unresolved = no address yet: timedatectl shows “(null)” or “n/a” where the address of { $name } belongs, so systemd-timesyncd has not resolved the name (no DNS answer yet) and has sent it nothing
finding-never-answered-by-unresolved = systemd-timesyncd has no address for { $sources } yet (timedatectl shows “(null)” or “n/a” in place of the address): the name has not resolved (no DNS answer), so no NTP request was sent. Check that the name resolves on this host (“resolvectl query { $sources }” or “getent hosts { $sources }”) and the DNS servers it uses (“resolvectl status”), or give an address in NTP= (timesyncd.conf(5)); then “systemctl status systemd-timesyncd”.
finding-source-rejected-systemd = systemd-timesyncd ignored the last answer of { $sources }: the server is not synchronised, sent a kiss code, or its packet was bad. Try another server (NTP= in /etc/systemd/timesyncd.conf).
finding-kiss-code-systemd = { $code ->
        [RATE] The server { $sources } answered with the kiss code RATE (RFC 5905, 7.4: rate exceeded): it rate-limits this client, and systemd-timesyncd ignores the answer. Poll less often (PollIntervalMinSec= in timesyncd.conf), or use another server.
        [DENY] The server { $sources } answered with the kiss code DENY (RFC 5905, 7.4: access denied by the remote server): it refuses this client, and systemd-timesyncd ignores the answer. Polling less often does not help: allow this client in the server's access rules (chrony's allow, ntpd's restrict, a switch's ACL), or use another server (NTP= in timesyncd.conf).
        [RSTR] The server { $sources } answered with the kiss code RSTR (RFC 5905, 7.4: access denied due to local policy): it refuses this client, and systemd-timesyncd ignores the answer. Polling less often does not help: allow this client in the server's access rules (chrony's allow, ntpd's restrict, a switch's ACL), or use another server (NTP= in timesyncd.conf).
       *[other] The server { $sources } answered with a kiss code ({ $value }, RFC 5905, 7.4) instead of the time, and systemd-timesyncd ignores the answer: CRYP and AUTH mean authentication failed, STEP that the server stepped its clock and has not resynchronised yet. Use another server (NTP= in timesyncd.conf) until that one answers with the time.
    }

## The local clock driver (127.127.1.x, LOCAL(0)) on ntpd and switches.
why-follows-local-clock = the undisciplined local clock (127.127.1.x, LOCAL(0)): it follows its own clock, tied to nothing
why-upstream-local-clock = this server's reference is its own local clock (127.127.1.x, LOCAL(0)): it serves its own clock
why-step-pending = an offset spike: the clock will be stepped in { $secs } s unless it settles
finding-follows-local-clock = The device follows its own local clock (the local clock driver 127.127.1.x, LOCAL(0); “ntp master” or “ntp-service refclock-master”): fine for an isolated lab's root, but nothing ties it to true time and its clients drift with it. Give it a real upstream server, or make sure this is the one lab root you meant.
finding-follows-local-clock-ntpd = ntpd follows its own undisciplined local clock (server 127.127.1.0, LOCAL(0)): nothing ties it to true time. If a real server is configured, it is not usable (see its reach and tally); fix it, and keep the local clock only as a fallback with a high stratum (fudge 127.127.1.0 stratum 10).
finding-upstream-local-clock = { $count ->
        [one] { $sources } serves its own local clock (its reference is 127.127.1.x or LOCAL(0): “ntp master”, “local stratum” or ntpd's local driver): nothing ties it, or this device, to true time. Give that server a real upstream, or accept it as an isolated lab's root.
       *[other] { $sources } serve their own local clocks (their reference is 127.127.1.x or LOCAL(0): “ntp master”, “local stratum” or ntpd's local driver): nothing ties them, or this device, to true time. Give those servers a real upstream, or accept them as an isolated lab's roots.
    }
finding-step-pending = The device saw an offset spike and will step its clock in { $secs } s: its server's time jumped or differs by more than the step threshold. Compare the server's time with another source before the step lands.
finding-source-rejected-switch = { $answers ->
        [yes] The device does not use { $sources }, although it answers (its reach shows the last polls answered): the selection left it out, because it is not synchronised itself, is too far from the servers the device follows, or is too variable. Compare its stratum and offset with the selected server's.
       *[other] The device does not use { $sources }: it is unreachable, not synchronised itself, or fails the device's checks. Check that server's status and the path to it.
    }
finding-source-offset-large-switch = Offsets are large ({ $value }) for { $sources }. A server this far off is wrong or the path to it is asymmetric; with three or more servers the device can outvote it.
finding-source-offset-large-ntpd = Offsets are large ({ $value }) for { $sources }. A server this far off is wrong or the path to it is asymmetric; ntpd steps the clock beyond 128 ms, and with three or more servers it can outvote a wrong one.
finding-falseticker-switch = { $count ->
        [0] A server is a falseticker
        [one] { $sources } is a falseticker
       *[other] { $sources } are falsetickers
    }: { $count ->
        [one] its time disagrees
       *[other] their times disagree
    } with the others. Check { $count ->
        [one] that server
       *[other] those servers
    }; with three or more servers the device ignores a falseticker.
finding-falseticker-ntpd = { $count ->
        [0] A server is a falseticker
        [one] { $sources } is a falseticker
       *[other] { $sources } are falsetickers
    }: { $count ->
        [one] its time disagrees
       *[other] their times disagree
    } with the others. Check { $count ->
        [one] that server
       *[other] those servers
    }; with three or more servers ntpd ignores a falseticker.
finding-falseticker-ntpq-associations = { $count ->
        [0] An association is a falseticker
        [one] Association { $sources } is a falseticker
       *[other] Associations { $sources } are falsetickers
    } (condition “falsetick”): { $count ->
        [one] its server's time disagrees
       *[other] their servers' times disagree
    } with the others. “ntpq -c "rv { $sources }"” shows { $count ->
        [one] its address (srcadr) and offset
       *[other] each one's address (srcadr) and offset, one association ID at a time
    }; check that server. With three or more servers ntpd ignores a falseticker.

# ntpdata's NTP tests by name (chronyc(1): RFC 5905 tests 1-3 and 5-7, the
# server line's delay limits, the synchronisation loop).
ntp-test-rfc1 = RFC 5905 test 1
ntp-test-rfc2 = RFC 5905 test 2
ntp-test-rfc3 = RFC 5905 test 3
ntp-test-rfc5 = RFC 5905 test 5
ntp-test-rfc6 = RFC 5905 test 6
ntp-test-rfc7 = RFC 5905 test 7
ntp-test-maxdelay = maxdelay
ntp-test-maxdelayratio = maxdelayratio
ntp-test-maxdelaydevratio = maxdelaydevratio/maxdelayquant
ntp-test-loop = loop
list-separator = {", "}
why-state-peer-follows = a peer whose samples chronyd drops while this server follows another source: it most likely follows this server (chrony's loop test), the normal state of the upstream side of a peer pair; “chronyc ntpdata” shows the loop test failing
why-reach-zero-answered = none of the last 8 polls was answered, but it answered before (LastRx): it stopped answering, or chronyd no longer polls it (offline)
why-tests-delay-once = the last packet failed: { $tests }; chronyd dropped that one sample, a round trip longer than usual. Most of its packets pass (Total good RX)

## chronyc's smaller outputs (chronyc(1); client.c): smoothing, manual list, waitsync, 200 OK.
kind-chronyc-ok = chronyc's reply: the command was accepted
kind-chronyc-smoothing = chronyc smoothing
kind-chronyc-manual-list = chronyc manual list
kind-chronyc-waitsync = chronyc waitsync
meaning-chronyc-ok-reply = chronyd's answer code: 200 OK, the command was accepted and carried out. Commands that change something (online, offline, burst, add, delete …) print only this line; 208 Access allowed and 209 Access denied are the answers of accheck and cmdaccheck.
why-access-allowed = chronyd's rules let this address in: accheck asks about the allow and deny lines (NTP clients), cmdaccheck about cmdallow and cmddeny (chronyc over UDP)
why-access-denied = chronyd's rules keep this address out: accheck asks about the allow and deny lines (an NTP client there gets no answer; to serve it, add “allow” with its address or subnet, or remove the “deny” that covers it: the more specific rule wins, so an “allow” of a wider subnet does not undo a “deny” of a narrower one), cmdaccheck about cmdallow and cmddeny (a chronyc there gets no answer over UDP)
field-smooth-active = Whether the server time smoothing (smoothtime) is active now: Yes or No; “(leap second only)” with the leaponly option.
label-smooth-active = Active
field-smooth-offset = The offset applied to the time sent to NTP clients: positive means the clients get time ahead of true time.
label-smooth-offset = Offset
field-smooth-frequency = The frequency offset of the served time, ppm: negative means the time clients see runs slower than true time.
label-smooth-frequency = Frequency (ppm)
field-smooth-wander = How fast the served time's frequency changes, ppm per second: negative means the time clients see is slowing down.
label-smooth-wander = Wander (ppm/s)
field-smooth-last-update = How long ago the smoothing was last updated (chronyd took a new measurement into it).
label-smooth-last-update = Last update
field-smooth-remaining = How long the smoothing would take to reach zero offset and frequency if no update came.
label-smooth-remaining = Remaining time
field-manual-samples = How many samples given with settime chronyd keeps (manual mode).
label-manual-samples = Samples
field-manual-index = The sample's index, for “manual delete”.
label-manual-index = #
field-manual-time = The date and time (UTC) the sample was entered.
label-manual-time = Time (UTC)
field-manual-slewed = The clock's error when the sample was entered, adjusted for the clock changes made since, seconds.
label-manual-slewed = Slewed
field-manual-original = The clock's error when the sample was entered, as it was then, seconds.
label-manual-original = Original
field-manual-residual = What remains of the sample's error after the line chronyd fits through the samples (the clock's offset and drift), seconds.
label-manual-residual = Residual
field-try = The number of the try: waitsync asks chronyd's tracking once per interval (10 s by default).
label-try = Try
meaning-ntpd-refid = Reference ID: what the clock follows, as ntpq(1) shows it: an IPv4 address (for an IPv6 server, a hash of its address printed as one), a reference clock code between dots such as .GPS. or .PPS., or a kiss code such as .INIT. (not synchronised yet) or .STEP.
meaning-switch-refid = Reference ID (ref clock, reference): what that server follows, as the device shows it: an address (or a name), a reference clock code between dots such as .GPS., or .INIT. or 0.0.0.0 while it follows nothing yet.
meaning-chronyc-waitsync-refid = The reference ID tracking gave at this try: 00000000 (or 7F7F0101, the local clock) means chronyd was not synchronised to a source then.
meaning-timedatectl-timesync-status-refid = The reference ID of the server's last answer (the server's reference, not this machine's): the address or clock the server follows; 7F7F0101 (127.127.1.1) or LOCL means the server serves its own local clock.
meaning-timedatectl-show-timesync-refid = The reference ID in the server's last answer (NTPMessage): what the server follows, not this machine; 7F7F0101 (127.127.1.1) or LOCL means the server serves its own local clock.
field-waitsync-correction = The remaining correction of the system clock at this try (tracking's System time, without its sign), seconds.
label-waitsync-correction = Correction
meaning-chronyc-waitsync-skew = The estimated error bound of the frequency at this try (tracking's Skew), ppm.
finding-smoothing-offset = The server time smoothing (smoothtime) is serving its clients time { $direction ->
        [ahead] { $value } ahead of
       *[behind] { $value } behind
    } true time on purpose: it spreads the correction over time instead of stepping the clients. It reaches zero in { $remaining } if no new correction comes.
finding-manual-no-samples = No sample is stored: settime has not given chronyd a time, so in manual mode it has nothing to follow. “chronyc settime TIME” adds one; with “manual” in chrony.conf and no source, tracking stays not synchronised until then.
finding-waitsync-never-synchronised = chronyd did not synchronise while waitsync waited: the reference ID was 00000000 at every one of the { $count } tries, so waitsync gave up with a non-zero exit status. Its sources are the cause: “chronyc sources” and “chronyc selectdata” show why none is used.
finding-paste-cut = The paste looks cut: it ends before the output does (a row cut short, the last lines or the table itself missing). What it shows is judged; nothing is concluded from what is missing. Paste the whole output to have it all judged.
finding-paste-cut-mid-line = The paste ends mid-line: its last line has { $got } of the { $want } comma-separated fields chronyc -c prints for this report. { $line ->
        [fields] Only the fields before the cut are judged (the last one shown may itself be cut short); nothing is concluded from the missing ones.
       *[row] That row is incomplete and was not judged; the complete rows above it are, and nothing is concluded from rows that may follow.
    } Paste the whole output to have it all judged.
finding-no-such-source = chronyd has no source at the address given (“{ $reply }”): the command names a source by its address, and none of chronyd's sources has it. “chronyc -n sources -a” lists the addresses it has (a source configured by name is listed by the address the name resolved to).
finding-sources-offline = { $count ->
        [one] 1 source is offline: chronyd does not poll it. The “offline” option of its server line, “chronyc offline”, or a network script calling it set it offline; “chronyc online” polls it again.
       *[other] { $count } sources are offline: chronyd does not poll them. The “offline” option of their server lines, “chronyc offline”, or a network script calling it set them offline; “chronyc online” polls them again.
    }
finding-all-sources-offline = No source is online: { $count } { $count ->
        [one] source is
       *[other] sources are
    } offline and chronyd polls none, so the clock is not synchronised and runs on its own. “chronyc online” polls them again; find what set them offline (the “offline” option of the server line, “chronyc offline”, or a NetworkManager or ifupdown script calling it).
finding-nothing-selected = Nothing is selected: no source is * or +, so chronyd follows no source and the clock is not synchronised. { $cause ->
        [maxdistance] Every source's root distance is larger than “maxdistance” allows: when no source can meet the limit, the limit is the configuration's (chrony.conf's maxdistance, 3 s by default; the root distance is half the root delay plus the root dispersion), not the sources' fault.
       *[other] Each source's row says why it cannot be selected.
    }
finding-selected-stale = { $sources } is selected (*), but its last measurement was { $last } before this selection, while { $other } was measured { $other_last } before it. Unless { $sources } is polled that rarely (Poll in “chronyc sources”), it has stopped answering and the clock gets no new measurement: chronyd keeps an unreachable source selected while its last sample is no older than the oldest sample of the sources that answer. { $prefer ->
        [yes] Its “prefer” option (COpts P) keeps chronyd on it, and the sources that answer are only P. Check Reach and LastRx in “chronyc sources”; make the server answer, or remove “prefer” so another source can take over.
       *[other] Check Reach and LastRx in “chronyc sources”, and make the server answer.
    }

## MikroTik RouterOS, /system ntp client print (help.mikrotik.com "NTP"; v6: wiki Manual:System/Time).
kind-mikrotik-ntp-client = MikroTik RouterOS /system ntp client print
kind-chronyd-once = chronyd -q / -Q (one measurement, then exit)
kind-chrony-version = chronyc -v / chronyd -v (the chrony release)
finding-once-measured = A server answered: chronyd measured the system clock off by { $value }. { $action ->
        [step] With -q it stepped the clock by that much (“(step)”), then exited.
       *[ignored] With -Q it only printed the offset (“(ignored)”, chronyd(8): “without making any corrections of the clock”).
    } The server can be used.
finding-once-no-answer = { $cause ->
        [no-source] chronyd could not use any source (“No suitable source for synchronisation”): the servers did not answer, or answered but are not synchronised themselves.
       *[timeout] No server answered before chronyd gave up (-t timeout, “Timeout reached”, or exiting with no “System clock wrong by” line): nothing was measured.
    } Check that the server's address is right and UDP 123 reaches it, that the server's “allow” covers this client and no “deny” does (chrony.conf(5): “By default, no clients are allowed access”; the more specific rule wins, so an “allow” of the subnet does not undo a “deny” of the client), and that the server is synchronised or has “local stratum N”.
field-enabled = Whether the NTP client is enabled (RouterOS: enabled=yes/no; default no).
field-servers = The NTP servers configured for the client (addresses or names; DHCP may add some).
field-primary-ntp = RouterOS v6: the first NTP server's address (0.0.0.0: none). With two set, the SNTP client alternates, switching when a request times out or a server sends a kiss-o'-death.
field-secondary-ntp = RouterOS v6: the second NTP server's address (0.0.0.0: none).
field-server-dns-names = RouterOS v6: NTP servers by name, resolved at each request (needs /ip dns).
field-active-server = RouterOS v6: the NTP server the SNTP client asks now (primary-ntp or secondary-ntp).
field-last-update-from = RouterOS v6: the server whose last answer was processed successfully.
field-last-update-before = RouterOS v6: time since the last answer processed successfully.
field-last-adjustment = RouterOS v6: the correction applied to the clock at the last update.
meaning-mikrotik-ntp-client-mode = How the client works: unicast (it asks its servers), broadcast, multicast or manycast.
meaning-mikrotik-ntp-client-vrf = The VRF the client reaches its servers through (main by default).
meaning-mikrotik-ntp-client-frequency = freq-drift: the clock's frequency drift the NTP client measured, in ppm; normal clocks stay within ±100 ppm.
meaning-mikrotik-ntp-client-status = The client's status: synchronized, stopped, waiting (no usable answer yet) or using-local-clock (the router serves its own clock).
meaning-mikrotik-ntp-client-server = synced-server: the address of the NTP server the router is synchronised to.
meaning-mikrotik-ntp-client-stratum = synced-stratum: the stratum of the server the router follows (1 next to a reference clock, 16 unsynchronised).
meaning-mikrotik-ntp-client-offset = system-offset: how far the router's clock is from the time of its NTP server.
meaning-mikrotik-ntp-client-poll-interval = RouterOS v6: the interval between requests to the active server; it starts at 16 s and doubles up to 15 min.
label-enabled = Enabled
label-servers = Servers
label-primary-ntp = Primary server
label-secondary-ntp = Secondary server
label-server-dns-names = Server names
label-active-server = Active server
label-last-update-from = Last update from
label-last-update-before = Last update before
label-last-adjustment = Last adjustment
why-ntp-client-stopped = the NTP client is stopped: the router does not synchronise its clock
why-ntp-client-waiting = no server has answered the router (yet): it is not synchronised
why-ntp-client-local-clock = the router serves its own clock: it follows no NTP server
finding-not-synchronised-mikrotik = The router's NTP client is not synchronising the clock (stopped, or enabled=no). Enable it with its servers: /system ntp client set enabled=yes servers=ADDRESS, then check /system ntp client print again.
finding-no-upstream-reachable-mikrotik = No NTP server answers the router ({ $sources }): its client is waiting. Check the server's address (names need /ip dns), the route from the router's VRF, firewall filter rules on the way (UDP 123 both ways), and that the server allows this router; /system ntp monitor-peers shows what each server answered.
finding-follows-local-clock-mikrotik = The router serves its own clock (status using-local-clock): its NTP server runs while the client follows no server, so nothing ties its time to true time and its clients drift with it. Give it a server (/system ntp client set enabled=yes servers=ADDRESS), or make sure this router is the one lab root you meant.
finding-source-offset-large-mikrotik = The router's clock is { $value } off from its NTP server. A server this far off is wrong or the path to it is asymmetric; if it stays, check /system ntp monitor-peers and compare the servers.
finding-upstream-unsynchronised-mikrotik = The server the router follows is not synchronised itself (stratum 16): the router cannot follow it. Fix that server first, or give the router another one.
finding-stratum-high-mikrotik = The router's server is at stratum { $value }, the last a server can give: the router's own clients would be unsynchronised. A synchronisation loop climbs here; so does a long chain of servers.
finding-frequency-high-mikrotik = The router's clock drifts { $ppm } ppm, more than the ±100 ppm normal clocks stay within: its oscillator may be faulty (or, for CHR, the virtual machine's clock is unstable).
finding-frequency-limit-mikrotik = The router's clock drifts { $ppm } ppm, beyond what NTP corrects (500 ppm): its oscillator is faulty or, for CHR, the virtual machine's clock is unstable.

## Cisco NX-OS configuration views (show ntp peers, show ntp status).
kind-nxos-show-ntp-peers = Cisco NX-OS show ntp peers
kind-nxos-show-ntp-status = Cisco NX-OS show ntp status
field-peer-type = Server: the switch polls it; Peer: a symmetric peer (ntp server or ntp peer in the configuration).
field-distribution = Whether Cisco Fabric Services (CFS) distributes the NTP configuration to the other switches (ntp distribute).
field-last-operational-state = The state of the last CFS session on the NTP configuration (a session holds a lock until ntp commit or ntp abort).
label-peer-type = Server or peer
label-distribution = CFS distribution
label-last-operational-state = Last CFS session
finding-nxos-peers-configured = show ntp peers lists the configured servers and peers only, not whether they answer or are selected: show ntp peer-status shows that (its reach, and * for the one the switch follows).
finding-nxos-status-distribution = On NX-OS, show ntp status says only whether the NTP configuration is distributed over CFS (distribution { $value }), nothing about synchronisation: show ntp peer-status shows the servers and the one selected.
meaning-nxos-show-ntp-peers-key-id = The ID of the symmetric key used with this server or peer (ntp server … key N); None: no authentication.
field-link-ntp-servers = NTP servers learnt from the network for this link (DHCP, systemd-networkd); they come first.
field-system-ntp-servers = The servers of NTP= in timesyncd.conf.
field-runtime-ntp-servers = Servers set at run time over the bus (timedatectl ntp-servers).
field-fallback-ntp-servers = FallbackNTP= servers: used only when no other server is known (timesyncd.conf(5)); the distribution sets them.
label-link-ntp-servers = Link servers
label-system-ntp-servers = NTP= servers
label-runtime-ntp-servers = Runtime servers
label-fallback-ntp-servers = Fallback servers
finding-timesync-fallback-only = systemd-timesyncd knows no server but the fallback ones ({ $sources }): NTP= in timesyncd.conf is empty and the network gave none. FallbackNTP= is the distribution's default, meant for when nothing else is known; set the servers this site should use with NTP= in /etc/systemd/timesyncd.conf (or a drop-in in timesyncd.conf.d).
finding-clock-step-failed = { $failure ->
        [adjust] chronyd could not adjust the system clock: its log in this paste says “{ $call } failed : { $error }”, and chronyd exits on that error.
       *[other] chronyd could not step the system clock: its log in this paste says “Could not step system clock” ({ $count } times){ $wrong ->
            [none] .
           *[other] , after “System clock wrong by { $wrong } seconds”.
        }
    } { $control ->
        [disabled] Its log also says “Disabled control of system clock”: chronyd was started with -x, which disables the control of the system clock (chronyd(8)); it only tracks the offset. Start it without -x where it should set the clock.
        [no-capability] Its log also says “CAP_SYS_TIME not present”: the process may not set the clock, as in a container without that capability. Give it CAP_SYS_TIME (docker run --cap-add SYS_TIME), or let the host's chronyd set the clock and start this one with -x.
       *[other] chronyd may not set the clock: it was started with -x (its log then says “Disabled control of system clock”), it runs in a container without CAP_SYS_TIME, or a seccomp or SELinux policy denies the call (the audit log shows it).
    } A step (the makestep directive, or chronyc makestep) fails the same way until chronyd may set the clock.
finding-clock-behind-by-step-failed = The system clock is { $value } behind NTP time (chronyc: “slow”), and chronyd cannot correct it: its log in this paste says the step failed (see the finding on the failed step). Adding makestep or running “chronyc makestep” fails the same way until chronyd may set the clock.
finding-clock-ahead-by-step-failed = The system clock is { $value } ahead of NTP time (chronyc: “fast”), and chronyd cannot correct it: its log in this paste says the step failed (see the finding on the failed step). Adding makestep or running “chronyc makestep” fails the same way until chronyd may set the clock.
finding-source-offset-large-by-step-failed = This clock was { $value } off at its last update (Last offset, chronyc(1): “the estimated local offset on the last clock update”; RMS offset { $rms }): the clock's own offset, not a source's. chronyd measured it and could not step the clock (its log in this paste; see the finding on the failed step), so the offset stays; makestep fails the same way until chronyd may set the clock.
finding-not-synchronised-by-sources-answer = Not synchronised (reference ID 00000000), although a source answers in this paste (“chronyc sources”: reach above 0): the network, the names and the servers' “allow” are not the cause; chronyd selects none of the sources that answer. The finding on “chronyc sources” gives the possible reasons and “chronyc selectdata” each source's; with an authenticated source (NTS or a symmetric “key”, or any with “require”), the default authselectmode mix lets chronyd select no unauthenticated source while the authenticated one is not selectable (“chronyc authdata” shows its keys).
finding-not-synchronised-by-nts-keys-missing = Not synchronised (reference ID 00000000), although a source answers in this paste: an NTS source has no keys (its key establishment fails: chronyd's log or “chronyc authdata” in this paste), and under the default authselectmode mix an authenticated source gets “require” (chrony.conf(5): authenticated sources “get the require and trust options”), so chronyd may select none of the unauthenticated sources that answer (its log says “Can't synchronise: no required source in selectable sources”). UDP 123 and the network are not the cause. Fix the NTS source's key establishment first (the server's NTS-KE port, TCP 4460 by default, open and served; its certificate trusted and naming the host you use), or set “authselectmode ignore” to use the other sources meanwhile.
finding-none-selected-by-nts-keys-missing = Sources answer but none is selected: an NTS source in this paste has no keys (its key establishment fails), and the default authselectmode mix gives authenticated sources “require”, so the unauthenticated sources that answer wait for it. Fix the NTS source's key establishment first (NTS-KE, TCP 4460 by default), or set “authselectmode ignore”.
finding-not-synchronised-by-upstream-unsynchronised = Not synchronised (reference ID 00000000): { $sources } answers in this paste (“chronyc ntpdata”: packets received) but is not synchronised itself (leap “not synchronised”, stratum 0 or 16), so chronyd accepts none of its answers. The network, the names and that server's “allow” are not the cause. Fix that server first: its own sources, or “local stratum N” for an isolated lab (from chrony 4.7 an orphan server waits 300 s after start, waitunsynced, before it serves).
finding-not-synchronised-by-auth-failing = Not synchronised (reference ID 00000000): { $sources } answers in this paste, but its packets fail authentication (“chronyc ntpdata”), so chronyd ignores them. The network and that server's “allow” are not the cause. Compare the key of both sides (the same ID, type and secret in both key files), or their NTS settings.
finding-not-synchronised-by-key = Not synchronised (reference ID 00000000): { $sources } never answered and uses a symmetric key (“chronyc authdata” in this paste: mode SK, key { $key }). A chrony server that has another key under that ID, or none, drops such requests without an answer, so the key comes first: compare the key files of both sides (the same ID, type and secret). Then the server's “allow” for this client (and no “deny” for it: the more specific rule wins), and UDP 123 on the way.
finding-not-synchronised-by-key-missing = Not synchronised (reference ID 00000000): { $sources } never answered because chronyd sends it no request: its keyfile has no key { $key } (“chronyc authdata” in this paste: KeyID { $key }, key length 0; chronyd logs “Key { $key } is missing”). No server, access rule or firewall is at fault. Add key { $key } to the file the “keyfile” directive names (chrony.conf(5) keyfile), with the same type and secret as the server's, then run “chronyc rekey” (or restart chronyd).
finding-not-synchronised-by-no-answer = Not synchronised (reference ID 00000000): no source answers (“chronyc ntpdata” in this paste: requests sent, none received). Their addresses are known, so the names (DNS) and -4 are not the cause: the server drops the requests or they do not reach it. First the server's access rules: chrony.conf(5) (allow, deny): a chronyd drops without an answer a request from a client that no “allow” covers or that a “deny” covers, and the more specific rule wins, so an “allow” of this client's subnet does not undo a “deny” of its address (“chronyc accheck ADDRESS” on the server tells). Then a symmetric key (“key N” on the server line) that the server has under another secret, or not at all: it drops those requests too. Then UDP 123 on the way (firewall, security groups).
finding-not-synchronised-by-no-answer-sources = Not synchronised (reference ID 00000000): no source counts as answering (“chronyc sources” in this paste: reach 0 everywhere). Their addresses are known, so the names (DNS) and -4 are not the cause. Reach 0 has two causes this paste cannot tell apart (chronyd counts in reach only answers that pass its tests): the server answers but is not synchronised itself (a lab server with no reachable upstream and no “local stratum”, or, from chrony 4.7, a server with “local … orphan” in its first 300 seconds, “waitunsynced”), or no answer comes back. “chronyc ntpdata ADDRESS” tells them apart: Total RX above 0 with Leap status “Not synchronised” is the first, so fix that server (“chronyc tracking” there); Total RX 0 is the second. For the second, first the server's access rules: chrony.conf(5) (allow, deny): a chronyd drops without an answer a request from a client that no “allow” covers or that a “deny” covers (“chronyc accheck ADDRESS” on the server tells); then a symmetric key (“key N” on the server line) that the server has under another secret, or not at all; then UDP 123 on the way (firewall, security groups).
finding-no-upstream-reachable-by-key = No source answers (reach 0 everywhere), and { $sources } uses a symmetric key (“chronyc authdata” in this paste: mode SK, key { $key }). First the key: a chrony server that has another key under that ID, or none, drops the requests without an answer; compare the key files of both sides (the same ID, type and secret). Then a server that does not allow this client (it needs “allow” with this client's subnet, and no “deny” for this client: the more specific rule wins), UDP 123 blocked on the way, or a wrong address.
finding-no-upstream-reachable-by-key-missing = No source answers (reach 0 everywhere) because chronyd sends { $sources } no request: its keyfile has no key { $key } (“chronyc authdata” in this paste: KeyID { $key }, key length 0; chronyd logs “Key { $key } is missing”). No server, access rule or firewall is at fault. Add key { $key } to the file the “keyfile” directive names (chrony.conf(5) keyfile), with the same type and secret as the server's, then run “chronyc rekey” (or restart chronyd).
finding-some-unreachable-by-key = { $count } of the sources never answered (reach 0): { $sources }, and { $count ->
        [one] it uses
       *[other] each uses
    } a symmetric key (“chronyc authdata” in this paste: mode SK, key { $key }). First the key: a chrony server that has another key under that ID, or none, drops the requests without an answer; compare the key files of both sides (the same ID, type and secret). Then a server that does not allow this client (it needs “allow” with this client's subnet, and no “deny” for this client: the more specific rule wins), UDP 123 blocked on the way, or a wrong address.
finding-some-unreachable-by-key-missing = { $count } of the sources never answered (reach 0): { $sources }, because chronyd sends { $count ->
        [one] it
       *[other] them
    } no request: its keyfile has no key { $key } (“chronyc authdata” in this paste: KeyID { $key }, key length 0; chronyd logs “Key { $key } is missing”). Add key { $key } to the file the “keyfile” directive names (chrony.conf(5) keyfile), with the same type and secret as the server's, then run “chronyc rekey” (or restart chronyd).
finding-never-answered-by-key = { $sources } never answered, and it uses a symmetric key (“chronyc authdata” in this paste: key { $key }). First the key: a chrony server that has another key under that ID, or none, drops the requests without an answer; compare the key files of both sides (the same ID, type and secret). Then the address, UDP 123 in both directions, and the server's “allow” for this client (and no “deny” for it: the more specific rule wins).
finding-never-answered-by-key-missing = { $sources } never answered because chronyd sends it no request: its keyfile has no key { $key } (“chronyc authdata” in this paste: KeyID { $key }, key length 0; chronyd logs “Key { $key } is missing”). No server, access rule or firewall is at fault. Add key { $key } to the file the “keyfile” directive names (chrony.conf(5) keyfile), with the same type and secret as the server's, then run “chronyc rekey” (or restart chronyd).
why-reach-filling-fast = answered the latest { $answered } polls, not the older ones: at a poll of { $poll } s the register fills in seconds, so this cannot tell a start from answers lost as a run (a rate-limiting server drops requests sent this fast); “chronyc ntpdata” counts requests against answers (Total TX, Total RX)
# A pasted value's reading beside the paste (explain's value column).
value-ago = { $value } ago
value-ppm-fast = { $value } ppm fast
value-ppm-slow = { $value } ppm slow
value-none = None
value-true = Yes
value-false = No
value-synchronized = Synchronised
value-unsynchronized = Not synchronised
explain-value-reads = Reads as { $reading }. { $meaning }
kind-ntpq-mrulist = ntpq -c mrulist (the clients ntpd has heard from)
meaning-ntpq-mrulist-ntp-last = Seconds since the last packet from this address (lstint).
meaning-ntpq-mrulist-ntp-interval = Average interval between its packets, in seconds (avgint).
meaning-ntpq-mrulist-restrict-flags = The restrict flags that apply to this address, in hexadecimal (rstr), copied from the matching “restrict” line of ntp.conf; limited and kod show only when its last packet was rate-limited.
field-rate-control = Rate control of a client's last packet, as ntpq mrulist shows it (r): . none, L discarded by rate limiting, K answered with a kiss-o'-death.
field-restrict-flags = The restrict flags that apply to a client, in hexadecimal, as ntpq mrulist shows them (rstr): copied from the matching “restrict” line of ntp.conf.
meaning-ntpq-mrulist-rate-control = Rate control of its last packet (r): . none, L discarded by rate limiting, K answered with a kiss-o'-death.
meaning-ntpq-mrulist-ntp-mode = The packet mode (m): 3 client, 1 or 2 symmetric peer, 4 a server answering this ntpd, 6 and 7 ntpq's and ntpdc's queries.
meaning-ntpq-mrulist-version = NTP version of its packets (v).
meaning-ntpq-mrulist-ntp-hits = Packets received from this address (count).
meaning-ntpq-mrulist-score = Packets per second, averaged with exponential decay (score).
meaning-ntpq-mrulist-ntp-drops = Packets dropped or answered with a kiss-o'-death (drop): more than 0 means rate limiting.
meaning-ntpq-mrulist-remote-port = Source port of its last packet (rport).
meaning-ntpq-mrulist-address = The client's address or name (remote address).
why-mru-rate-control = its last packet was { $value ->
        [K] answered with a kiss-o'-death
       *[other] discarded
    } by rate limiting (“restrict … limited”, “discard”)
why-restrict-refused = the “restrict” line matching it (flags { $value }) has ignore or noserve: ntpd gives it no time
why-drops-rate-limited-ntpd = { $drops } packets dropped or answered with a kiss-o'-death: the client polls faster than “discard” allows
finding-clients-rate-limited-ntpd = Some clients lose requests to ntpd's rate limiting ({ $sources }): they poll faster than the “discard” minimum/average allows and the matching “restrict” line has “limited” (with “kod”, they get a kiss-o'-death). Lower their polling rate (minpoll, no burst) or relax “discard” in ntp.conf.
finding-clients-refused = ntpd refuses time to { $sources }: the “restrict” line of ntp.conf that matches them has “ignore” or “noserve”, so their requests get no answer. If they are lab clients, give their subnet a restrict line without those flags (for example “restrict 10.0.0.0 mask 255.255.255.0 nomodify notrap nopeer noquery”).
kind-chronyc-settime = chronyc settime
field-settime-offset = How far the clock was from the time given to settime, seconds: positive means it was fast.
label-settime-offset = Clock was fast by
field-settime-frequency-change = How much chronyd changed the clock's frequency from this manual sample, ppm.
label-settime-frequency-change = Frequency change (ppm)
field-settime-new-frequency = The clock's frequency after this sample, ppm (ordinary clocks stay within ±100 ppm).
label-settime-new-frequency = New frequency (ppm)
finding-settime-frequency-limit = The manual samples set the clock's frequency to { $ppm } ppm, far past the ±100 ppm of a working clock and at or near what the system driver can set (chrony.conf(5) maxdrift: 100000 ppm on Linux, 500 ppm on FreeBSD, NetBSD and macOS). chronyd computes the frequency from the settime samples (chronyc(1) settime): samples seconds apart whose own errors differ by seconds give an absurd one, and the clock now runs that far off. Run “chronyc manual reset” (or “manual delete N” for the bad sample), then give settime samples minutes apart, each as exact as you can.
kind-chronyd-messages = chronyd's own log (journal, systemctl status, chronyd -d)
finding-chronyd-fatal = chronyd refused to start: “Fatal error : { $message }”. { $fix ->
        [noclientlog] “ratelimit” (or “ntsratelimit”, “cmdratelimit”) cannot be used together with “noclientlog”: rate limiting needs the client log. Remove one of them.
        [directive] chrony.conf has a directive chronyd does not know{ $line ->
            [none] {""}
           *[other] {" "}at line { $line }
        }: check its spelling (chrony.conf(5) lists them all) or the release it came in.
        [subnet] An “allow”/“deny” subnet is not valid: an IPv4 prefix is at most /32, an IPv6 one /128, and each number of an address at most 255.
        [arguments] A directive{ $line ->
            [none] {""}
           *[other] {" "}at line { $line }
        } has too few or too many values: chrony.conf(5) gives its form.
        [option] A directive{ $line ->
            [none] {""}
           *[other] {" "}at line { $line }
        } has an option chronyd does not know or cannot read: check its spelling against chrony.conf(5) (“maxpoll”, not “maxpol”).
        [value] A directive{ $line ->
            [none] {""}
           *[other] {" "}at line { $line }
        } has a value out of its range (“local stratum” takes 1 to 15).
        [refclock] The “refclock” driver is not one chronyd knows: the drivers are PPS, SHM, SOCK and PHC (a GPS is read through gpsd with SHM or SOCK).
        [user] The user named by the “user” directive (or -u) does not exist on this host: create it or name the one the package made (chrony or _chrony).
        [running] Another chronyd is running with the same pid file: stop it (systemctl stop chronyd, or chrony) before starting this one, or give each its own “pidfile”.
        [nts-cert] The NTS server's certificate or key (“ntsservercert”, “ntsserverkey”) cannot be read: check both paths and that chronyd's user may read them.
        [glob] A directory an “include”, “confdir” or “sourcedir” line names cannot be searched (it does not exist or chronyd may not read it): check the path, or remove the line.
        [file] A file the configuration names cannot be opened: check its path and permissions.
       *[other] Fix what the message names in chrony.conf, then check with “chronyd -p” before starting chronyd again.
    } chronyd is not running until then: “chronyc” cannot talk to it.
finding-chronyd-exited = The service failed (systemctl: “Active: failed”), and the pasted lines do not include chronyd's “Fatal error” message: run “journalctl -u chronyd” (or chrony) and read its last lines.
finding-log-started = chronyd { $version } started; the pasted lines report nothing wrong.
finding-log-selected = chronyd follows { $source } (its last “Selected source” line).
finding-log-cant-synchronise = { $state ->
        [no-required] chronyd logged “Can't synchronise: no required source in selectable sources”: the sources marked “require” (with authselectmode mix, the authenticated ones) are not selectable, so no source may be used. Make a required source reachable (and its key valid), or drop “require”.
        [no-majority] chronyd logged “Can't synchronise: no majority”: the sources disagree and no group of them agrees; add sources or remove the wrong one.
       *[no-selectable] chronyd logged “Can't synchronise: no selectable sources”: at that time no source answered or was usable (unreachable, or rejected as a falseticker).
    } { $again ->
        [none] Nothing later in the paste says it recovered.
       *[other] Later it selected { $again } again: that was a passing loss, not the state now.
    }
finding-log-keyfile = chronyd could not open its keyfile { $path } (“Could not open keyfile”): the file does not exist or chronyd may not read it, so no key of it is known{ $keys ->
        [none] {""}
       *[other] {" "}(chronyd logged “Key { $keys } is missing” for that reason)
    } and every source with “key N” fails to authenticate. Create the file with the keys, or fix the path of the “keyfile” directive.
finding-log-key-missing = chronyd logged “Key { $key } is missing”: a source uses “key { $key }”, and the keyfile has no such key. Add it to the file the “keyfile” directive names, with the same type and value as on the server.
finding-log-kod-rate = { $source } sent a kiss-o'-death RATE (“Received KoD RATE”): that server rate-limits this client. Poll it less often (raise “minpoll”, do not use “burst”) or ask its admin to loosen its “ratelimit”.
finding-log-wrong-by = chronyd logged “System clock wrong by { $value } seconds”: the clock was that far from its source.
finding-log-replaced = chronyd replaced the source { $old } with { $new } (“Source … replaced with …”): a pool or a name resolved to a new address.
finding-log-no-suitable = chronyd logged “No suitable source for synchronisation”: no source could be used at that time.
finding-log-time-jump = chronyd saw the clock jump { $direction ->
        [forward] forward
       *[backward] backward
    } (“time jump detected”): something else set the clock (another time service, a virtual machine's host, or a person); it re-measured its sources.
finding-log-cannot-write = chronyd could not { $what ->
        [directory] create the directory
       *[file] open
    } { $path }: what it writes there (drift, logs or dumps) is not saved. Check that the directory exists and chronyd's user may write in it (“driftfile”, “logdir”, “dumpdir”).
finding-log-nts-ke-failed = chronyd's NTS key establishment failed (“{ $server }”): that source gets no keys and sends no request until it works. Check that TCP 4460 reaches the server and that its certificate is trusted and not expired.
finding-chronyd-not-started = chronyc could not talk to chronyd (“{ $reply }”) because chronyd did not start: the pasted log says “Fatal error : { $message }”. Fix that line, then start chronyd again.
finding-log-restarted = chronyd { $version } started { $count } times in the pasted lines: it was restarted (“chronyd exiting”, then “starting” again).
finding-packet-loss-by-kod-rate = { $sources }: some polls got no answer, and chronyd's log in this paste says why: { $rated } sent a kiss-o'-death RATE (“Received KoD RATE”), so that server rate-limits this client. Poll it less often (raise “minpoll”, do not use “burst”) or ask its admin to loosen “ratelimit”.
finding-key-missing-by-keyfile-missing = { $sources } uses key { $key }, and chronyd has no key { $key } because it could not open its keyfile { $keyfile } (chronyd's log in this paste: “Could not open keyfile”). chronyd sends that source no request. Create that file with key { $key } (the same type and secret as the server's), or fix the path of the “keyfile” directive, then restart chronyd.
finding-not-synchronised-by-keyfile-missing = Not synchronised (reference ID 00000000): { $sources } never answered because chronyd sends it no request: it uses key { $key }, and chronyd could not open its keyfile { $keyfile } (“Could not open keyfile” in this paste). Create that file with the key, or fix the path of the “keyfile” directive, then restart chronyd.
finding-no-upstream-reachable-by-keyfile-missing = No source answers (reach 0 everywhere) because chronyd sends { $sources } no request: it uses key { $key }, and chronyd could not open its keyfile { $keyfile } (“Could not open keyfile” in this paste). Create that file with the key, or fix the path of the “keyfile” directive, then restart chronyd.
finding-some-unreachable-by-keyfile-missing = { $count } of the sources never answered (reach 0): { $sources }, because chronyd sends { $count ->
        [one] it
       *[other] them
    } no request: key { $key } is unknown, as chronyd could not open its keyfile { $keyfile } (“Could not open keyfile” in this paste). Create that file with the key, or fix the path of the “keyfile” directive, then restart chronyd.
finding-never-answered-by-keyfile-missing = { $sources } never answered because chronyd sends it no request: key { $key } is unknown, as chronyd could not open its keyfile { $keyfile } (“Could not open keyfile” in this paste). No server, access rule or firewall is at fault. Create that file with the key, or fix the path of the “keyfile” directive, then restart chronyd.
kind-ntpq-kerninfo = ntpq -c kerninfo (the kernel's clock discipline variables)
field-maximum-error = The kernel's maximum error of the clock (ntp_adjtime maxerror): it grows while nothing disciplines the clock; at 16 s the kernel marks the clock unsynchronised.
label-maximum-error = Maximum error
field-estimated-error = The kernel's estimated error of the clock (ntp_adjtime esterror), set by ntpd.
label-estimated-error = Estimated error
field-kernel-status = The kernel's clock status bits (ntp_adjtime status): pll or fll is the discipline in use, pps the PPS signal, unsync that the clock is not synchronised (STA_UNSYNC).
label-kernel-status = Kernel status
field-pll-time-constant = The kernel loop's time constant (ntp_adjtime constant): ntpd sets it from its poll interval.
label-pll-time-constant = PLL time constant
field-frequency-tolerance = The most frequency error the kernel corrects, ppm (500 on Linux and the BSDs).
label-frequency-tolerance = Frequency tolerance
meaning-ntpq-kerninfo-offset = The offset the kernel still has to slew out (pll offset, ms unless a unit is shown).
meaning-ntpq-kerninfo-frequency = The frequency correction the kernel applies (pll frequency, ppm); at ±500 ppm it can correct no more.
meaning-ntpq-kerninfo-status-word = ntpd's system status word: its first word is the leap indicator, leap_alarm meaning not synchronised.
why-kernel-unsync = the kernel marks the clock unsynchronised (unsync, STA_UNSYNC)
why-kernel-max-error-limit = { $value }: the kernel's limit (16 s), reached when nothing has disciplined the clock for a long time
finding-not-synchronised-ntpq-kerninfo = The kernel clock is not synchronised: its status says unsync (STA_UNSYNC), its maximum error is at the 16 s limit, or ntpd's status word says leap_alarm. ntpd has not disciplined the clock: “ntpq -p” shows whether the servers answer and which one is selected (*); check that UDP 123 and “restrict” let their answers in. If another program (chronyd, systemd-timesyncd) runs, only one of them may discipline the clock.
finding-source-offset-large-ntpq-kerninfo = The kernel still has to slew { $value } out of the clock (pll offset): ntpd passed it a large correction. The clock is that far off now; ntpd steps offsets beyond 128 ms itself (“tinker step”), so a large pll offset that stays means a step is disabled (ntpd -x) or another program adjusts the clock too.
finding-frequency-limit-ntpq-kerninfo = The kernel's frequency correction is { $ppm } ppm, the most it can apply (frequency tolerance 500 ppm; ntptime(8): -500 .. 500): the clock drifts more than the kernel can correct, so its offset grows. Another program may discipline the clock too (chronyd, systemd-timesyncd, adjtimex), the hardware clock source may be broken, or a virtual machine lacks a stable clock: stop other time services and check the clocksource (/sys/devices/system/clocksource).
finding-frequency-high-ntpq-kerninfo = The kernel's frequency correction is { $ppm } ppm, more than the ±100 ppm normal clocks stay within: a faulty oscillator, a virtual machine's clock, or another program adjusting the clock too. Make sure only ntpd disciplines it.
meaning-ntpq-kerninfo-precision = The kernel clock's precision (ms unless a unit is shown; 1e-06 ms is 1 ns).
kind-nxos-show-ntp-statistics-local = Cisco NX-OS show ntp statistics local (the device's NTP packet counters)
kind-nxos-show-ntp-statistics-peer = Cisco NX-OS show ntp statistics peer (one server's packet counters)
field-packets-processed = NTP packets the device processed since the counters were reset.
label-packets-processed = Packets processed
field-bad-packet-format = Packets dropped because they were not valid NTP packets.
label-bad-packet-format = Bad packet format
field-bad-authentication = Packets that arrived and failed the authentication check (a key ID or secret that differs, or no key configured for them).
label-bad-authentication = Bad authentication
field-bogus-origin = Answers whose origin timestamp matched no request of this device (a replayed, duplicate or spoofed packet).
label-bogus-origin = Bogus origin
field-packets-sent = Requests the device sent to this server.
label-packets-sent = Packets sent
field-packets-received = Answers the device received from this server.
label-packets-received = Packets received
meaning-nxos-show-ntp-statistics-peer-address = The server these counters are for (remote host).
why-auth-bad-count = { $value } of { $total } packets failed authentication
finding-auth-failing-nxos-show-ntp-statistics-local = { $value } of the { $total } NTP packets this device processed failed authentication (bad authentication): the packets arrive, and a key differs. Compare the key on both sides (NX-OS “ntp authentication-key N md5 …”, “ntp trusted-key N” and “key N” on the server line, against the server's key file: the same ID, type and secret); “show ntp statistics peer ipaddr ADDRESS” tells which server's packets fail.
finding-auth-failing-nxos-show-ntp-statistics-peer = Packets from { $sources } fail authentication ({ $value } of { $total } received): the packets arrive, and the key differs. Compare the key on both sides (NX-OS “ntp authentication-key N md5 …”, “ntp trusted-key N” and “key N” on the server line, against the server's key file: the same ID, type and secret).
kind-ntp-service-trace = Huawei VRP / H3C Comware display ntp-service trace (the chain of servers up to the reference clock)
field-synch-distance = The hop's synchronisation distance to the reference clock (from its round-trip delay and dispersion, in seconds): how far its time may be off; NTP prefers the server with the shortest.
label-synch-distance = Synch distance
kind-nxos-show-ntp-authentication-status = Cisco NX-OS show ntp authentication-status (whether NTP authentication is on)
field-authentication-status = Whether the switch checks the keys of NTP packets (“ntp authenticate”).
label-authentication-status = Authentication
finding-trace-chain = The chain of { $hops } servers, starting at this device, ends at { $sources } (stratum { $stratum }), whose reference is { $reference }: the device's time comes from a reference clock.
finding-follows-local-clock-ntp-service-trace = The chain ends at { $sources } (stratum { $stratum }), which serves its own local clock (reference { $reference }, the local clock driver 127.127.1.0 or LOCL): nothing in the chain is tied to a reference clock, and the device's time drifts with that server's. Fine for an isolated lab; otherwise give { $sources } a real upstream server or reference clock and remove its local clock (on Huawei and H3C devices “ntp-service refclock-master”, on ntpd “server 127.127.1.0”).
finding-upstream-unsynchronised-ntp-service-trace = { $sources } in the chain is at stratum 16, not synchronised: the servers below it, and this device, cannot follow it. Fix that server first (its own NTP status tells why).
finding-dispersion-high-ntp-service-trace = The synch distance of { $sources } is { $value }: its time may be that far from the reference clock. The server is far from its reference or its reference is uncertain; a nearer or lower-stratum server serves better.
finding-source-offset-large-ntp-service-trace = Offsets in the chain are large ({ $value }) for { $sources }: each line's offset is that hop's to the server above it. A hop this far off is wrong, or the path to its server is asymmetric.
finding-nxos-authentication-status = The switch reports whether NTP authentication is on (“ntp authenticate”): only then do the keys on its server lines count.
finding-nxos-authentication-status-by-disabled = NTP authentication is off (Authentication disabled): the switch takes time from its servers without checking keys, and a “key N” on an “ntp server” line has no effect. That is the default, not a fault. To require keys, configure “ntp authentication-key N md5 SECRET”, “ntp trusted-key N” and “key N” on each server line, then “ntp authenticate”.
finding-nxos-authentication-status-by-enabled = NTP authentication is on (Authentication enabled): the switch follows only servers whose packets carry a trusted key (“ntp trusted-key N”) matching its “ntp authentication-key N”; a server without a key, or with a different secret, is not used. “show ntp peer-status” shows which servers are followed, and “show ntp statistics peer ipaddr ADDRESS” counts the packets that fail authentication.
finding-stratum-high-by-not-selected = { $sources } { $count ->
        [one] is
       *[other] are
    } at stratum { $value }, the highest a server may have, but this host does not follow { $count ->
        [one] it
       *[other] them
    }: only the selected source (*) sets this host's stratum (its stratum + 1; chronyc(1) tracking: “the number of hops away from a computer with an attached reference clock”). Only if { $count ->
        [one] it
       *[other] one of them
    } were selected would this host be at stratum 16, which its clients refuse as unsynchronised. A synchronisation loop or an upstream with a high “local stratum” climbs there.
meaning-ntp-service-trace-reference = The reference of the last server in the chain (refid): an address, a reference clock's name (GPS), or 127.127.1.0 or LOCL for a server's own local clock.
meaning-ntp-service-trace-offset = This hop's offset to the server above it in the chain (Huawei: seconds); the smaller the better.
finding-not-synchronised-ntp-service-trace = The chain ends at { $sources } without a reference (refid { $reference }): that server is not synchronised, so neither is this device. Fix that server first: its own NTP status tells why (its upstream does not answer, or it has no reference clock).
