# Lint messages: one per rule id (lint-<rule>). Errors say what chronyd
# would do; warnings and hints say what happens and what to do instead.

severity-error = error
severity-warning = warning
severity-hint = hint

lint-line-too-long = The line is too long: chronyd refuses lines of more than { $max } characters ("String too long").
lint-unknown-directive = “{ $directive }” is not a chrony directive; chronyd refuses to start ("Invalid directive").{ $suggestion ->
    [none] {""}
   *[other] {" "}Did you mean “{ $suggestion }”?
}{ $directive ->
    [restrict] { " " }It is ntp.conf's: chrony serves no client unless “allow” lets it in (“deny” refuses some), and chronyc's access is “cmdallow” / “cmddeny”.
    [fudge] { " " }It is ntp.conf's: ntpd's local clock (server 127.127.1.0 with fudge … stratum N) is “local stratum N” in chrony.
   *[other] {""}
}
lint-missing-arguments = { $directive } needs { $expected } { $expected ->
        [one] argument
       *[other] arguments
    } but has { $found }; chronyd refuses to start ("Missing arguments").
lint-too-many-arguments = { $directive } takes { $expected } { $expected ->
        [one] argument
       *[other] arguments
    } but has { $found }; chronyd refuses to start ("Too many arguments").
lint-unknown-option = { $directive ->
    [opencommands] “{ $option }” is not a command opencommands can open (activity, authdata, clients, manual, ntpdata, rtcdata, selectdata, serverstats, smoothing, sourcename, sources, sourcestats, tracking); chronyd refuses to start ("Could not parse opencommands directive").
   *[other] { $directive } has no option “{ $option }”; chronyd refuses to start.
}{ $suggestion ->
    [none] {""}
   *[other] {" "}Did you mean “{ $suggestion }”?
}
lint-bad-option-value = The value of “{ $option }” on this { $directive } line is missing or not a number; chronyd refuses to start.
lint-invalid-arguments = chronyd cannot read the arguments of { $directive } (“{ $args }”) and refuses to start.
lint-placeholder = “{ $placeholder }” is a template placeholder left unfilled: replace it with the real address or subnet; chronyd cannot read this { $directive } line and refuses to start.
lint-bad-address = “{ $value }” is not an IP address; { $directive } needs one and chronyd refuses to start.
lint-bad-log-parameter = “{ $value }” is not a log chrony can write (use measurements, statistics, tracking, rtc, refclocks, tempcomp, selection or rawmeasurements; names are lower-case).
lint-local-stratum-range = local stratum { $value } is out of range: it must be 1 to 15. chronyd refuses to start.
lint-trailing-comment = chrony does not allow a comment after a directive (“{ $comment }”); chronyd refuses to start. Put the comment on its own line.
lint-unsupported-directive = { $directive } needs chrony { $since } or newer; chronyd { $version } refuses to start.
lint-unsupported-option = The { $option } option of { $directive } needs chrony { $since } or newer; chronyd { $version } refuses to start.
lint-out-of-range = { $option } { $value } is out of range ({ $min } to { $max }); chronyd refuses to start.
lint-bad-subnet = { $subnet } is not a valid subnet: the prefix is longer than the address. chronyd refuses to start ("Bad subnet").
lint-clientloglimit-unused = clientloglimit sets the memory for logging client accesses, but noclientlog (line { $line }) turns that logging off: the limit does nothing, and “chronyc clients” has nothing to show. Remove one of them.
lint-noclientlog-ratelimit = { $directive } cannot be used together with noclientlog (line { $line }); chronyd refuses to start ("Rate limiting cannot be enabled with noclientlog"). Remove one of them.
lint-rtcfile-rtcsync = rtcfile cannot be used together with rtcsync; chronyd refuses to start. Keep rtcsync on Linux.
lint-rtcautotrim-no-rtcfile = rtcautotrim works only with rtcfile (chrony.conf(5): “effective only with the rtcfile directive”): without it chronyd starts and this line does nothing. With rtcsync the kernel keeps the RTC in step and the line can go.
lint-nts-uneven = There are { $certs } ntsservercert and { $keys } ntsserverkey lines; they must pair up, otherwise chronyd refuses to start.
lint-refclock-driver = “{ $driver }” is not a refclock driver of chrony { $version } on Linux ({ $drivers }, in capitals); chronyd refuses to start.
lint-refclock-tai = The refclock tai option needs a leapsectz directive (or leapseclist, chrony 4.6 and later); chronyd refuses to start.
lint-extfield-value = extfield { $value } is not an extension field chrony { $version } knows (it knows { $known }); chronyd refuses to start.
lint-include-missing = { $path } does not exist, so chronyd cannot read what this include names and refuses to start.
lint-deprecated-directive = { $directive } is no longer supported; chronyd ignores it.
lint-clamped = { $option } { $value } is out of range; chronyd silently uses { $used } instead.
lint-poll-below-minimum = { $option } { $value } is below the shortest polling interval chrony { $version } takes ({ $min }, { $min_s } s). chronyd does not clamp it: it silently uses the default { $option } { $used } ({ $used_s } s) instead and raises maxpoll to at least minpoll, so this source is polled every { $span ->
        [equal] { $from_s } s
       *[range] { $from_s } s to { $to_s } s
    } (minpoll { $minpoll }, maxpoll { $maxpoll }). Use { $option } { $min } or more.
lint-leapsecmode-unknown = leapsecmode “{ $value }” is not a mode chronyd knows, so it refuses to start. chrony.conf(5) leapsecmode has four: system, step, slew and ignore. To smear a leap second for NTP clients, chrony.conf(5) recommends “leapsecmode slew”, “maxslewrate 1000” and “smoothtime 400 0.001024 leaponly”.
lint-no-allow = local is set but no allow line lets clients in: this server serves nobody. Add an allow line for your clients' subnet.
lint-local-stratum-one = “local stratum 1” tells clients this machine has a true reference clock directly connected (chrony.conf(5) local: “Stratum 1 indicates a computer that has a true real-time reference directly connected”), so they prefer it to real servers. The stratum “should be larger than the maximum expected stratum in the network”: use the default 10 unless this is a deliberate top of an isolated lab.
lint-local-stratum-below-upstream = local stratum { $stratum } under upstream servers: when they fail, this server announces stratum { $stratum } for its free-running clock, lower than (or equal to) the real chain of public servers (stratum 1 to 4), so clients that also see other servers prefer it. chrony.conf(5) local: the value “should be larger than the maximum expected stratum in the network when external NTP servers are accessible”. Use the default 10.
lint-no-local-stratum = Clients are allowed but there is no local directive: when the upstream servers are unreachable, clients see stratum 0 and "Not synchronised". Add “local stratum 10 orphan” for an isolated lab.
lint-prefer-noselect = prefer on the line of { $host } does nothing: noselect means it is never selected for synchronisation, so { $host } is only measured, never used. Remove noselect to prefer it, or prefer to keep it as a monitored source only.
lint-peer-burst = { $option } on a peer line is ignored: bursts work only with server and pool sources.
lint-peer-nts = nts does not work on a peer line (chrony.conf(5) peer: “The following options of the server directive do not work in the peer directive: iburst, burst, nts, presend, copy”): chronyd logs “NTS not supported with peers”, still tries NTS key establishment with { $host } (TCP port 4460) and accepts no answer of the peer, since a peer's answers carry no NTS fields (chronyd adds them only for clients). Authenticate a peer with “key N” (the same key in both key files), or make { $host } a server with nts.
lint-nts-key-ignored = { $host } has both nts and “key { $key }”: chronyd authenticates it with NTS and ignores the key (chrony's ntp_core.c uses the key only without nts; chrony.conf(5) nts: “Unlike with the key option, the server and client do not need to share a key”). Remove one of them: “key { $key }” to keep NTS, or nts to use the symmetric key.
lint-certset-empty = { $host } verifies its NTS server's certificate with set { $set }, which holds no certificate: { $which ->
        [default] “nosystemcert” drops the system's trusted CAs from set 0 and no “ntstrustedcerts FILE” line without a set ID adds any
       *[other] no “ntstrustedcerts { $set } FILE” line fills it, and chrony.conf(5) ntstrustedcerts says “All other sets are empty by default”
    }. NTS key establishment fails (chronyd logs “The certificate is NOT trusted”) and the source is never used. Add “ntstrustedcerts { $set } FILE” with the CA that signed the server's certificate, or give the certset of a set that holds it.
lint-cmdallow-no-bind = cmdallow has no effect: chronyd listens for monitoring commands on localhost only. Add a bindcmdaddress with a non-loopback address, or remove cmdallow.
lint-few-sources = Only { $count } upstream { $count ->
        [one] source
       *[other] sources
    }: chrony needs at least 3 to detect a source that gives the wrong time (falseticker).
lint-no-sources = There is no time source: no server, pool, peer, refclock or local directive. chronyd will never synchronise.
lint-only-noselect-sources = No source can ever be selected: every server, pool, peer and refclock line has “noselect” (chrony.conf(5): “Never select this source”), and there is no local directive. chronyd measures them but never synchronises the clock. Remove noselect from the sources this machine should follow.
lint-require-noselect = { $source } has both “require” and “noselect”: noselect means it is never selected, so it can never be the selectable source that require asks for (chrony.conf(5): require “Require that at least one of the sources specified with this option is selectable … before updating the clock”). Keep one of the two.
lint-duplicate-source = { $host } is already a source on line { $line }; the second line adds nothing.
lint-no-makestep = No makestep: if the clock is far off at start, chronyd slews it slowly (hours for a few minutes of offset). Add “makestep 1 3”.
lint-initstepslew-use-makestep = initstepslew { $threshold } corrects the clock once, at start: an offset over { $threshold } s is stepped (a smaller one slewed), and only with an answer from { $hosts } at that moment; without one, chronyd logs “No suitable source for initstepslew” and starts without correcting it. chrony.conf(5) deprecates initstepslew in favour of makestep (since chrony 4.1): use “makestep 1 3”, with { $hosts } on server lines.
lint-maxpoll-below-minpoll = maxpoll { $maxpoll } is below minpoll { $minpoll }; chronyd raises maxpoll to minpoll.
lint-maxsamples-below-minsamples = maxsamples { $maxsamples } is below minsamples { $minsamples }: chronyd keeps at most { $maxsamples } samples of the source, so minsamples { $minsamples } acts as { $maxsamples }. Give minsamples { $maxsamples } or less, or raise maxsamples.
lint-server-port-off = Line { $line } sets port 0: chronyd never opens the server port and works strictly as a client (chrony.conf(5) port), so this allow line lets nobody in and no client is served. Remove port 0 (or give the NTP port) to serve clients, or remove the allow lines.
lint-duplicate-directive = { $kind ->
    [bind] “{ $directive } { $later }” on line { $line } replaces “{ $directive } { $earlier }” here: chrony.conf(5) says only one { $directive } directive can be specified for each of IPv4 and IPv6, so chronyd listens on { $later } alone and does not serve the interface of { $earlier }.
   *[other] “{ $directive } { $later }” on line { $line } replaces “{ $directive } { $earlier }” here: chronyd keeps only the last one.
}
lint-allow-hostname = allow { $host } names a host, which chronyd resolves once when it starts; it refuses to start if the name does not resolve. Prefer an address or subnet.
lint-peer-strata-differ = This server peers at local stratum { $stratum }, its partner at { $other }. That works: while the upstreams are gone, the server with the lower local stratum serves its clock and the other follows it, so their clients get one time. chrony.conf(5) (local, orphan) gives every server of a group the same “local stratum N orphan”, so that either takes over at the same stratum when the other fails.
lint-option-ignored = { $option } has no effect on a { $directive } line (it applies to pool only).
lint-host-bits = { $subnet } has host bits set; chrony uses { $network }.
lint-peer-no-orphan = These peered servers use local without “orphan”. With different local strata that works: while the upstreams are gone, the server with the lower local stratum serves its clock and the other follows it. chrony.conf(5) (local, orphan) gives orphan to servers that share one local configuration: with the same “local stratum N orphan” on each, the one with the smallest reference ID serves its clock, the others follow it, and another takes over when it fails.
lint-source-wrong-family = { $host } is an { $family } address, but the { $option } option limits this source to { $other } addresses: chronyd logs “Could not add source { $host }” and runs without it. Remove { $option } (it is for a host name with both kinds of address) or give an { $other } address.
lint-ntpd-refclock-address = { $host } is an ntp.conf pseudo-address (127.127.TYPE.UNIT, ntpd's reference clock drivers; 127.127.1.0 is its local clock), not a server: chronyd polls it and nobody answers. chrony serves its own clock with “local stratum 10” and reads reference clocks with “refclock”.
lint-source-host-is-option = This { $directive } line names no server: “{ $host }” is an option, and chronyd reads the first word after “{ $directive }” as the server's name, so it looks up a host called “{ $host }”, which does not resolve, and this line gives no time. Put the server's address or name first: “{ $directive } ADDRESS { $host }”.
lint-no-iburst = { $host } has no iburst: the first synchronisation takes minutes instead of seconds.
lint-allow-everyone = This allow line lets every { $family ->
        [ipv4] IPv4 address
        [ipv6] IPv6 address
       *[other] address
    } use this server.
lint-missing-directory = The directory { $path } for { $directive } does not exist; chronyd refuses to start.
lint-refclock-device = { $path } does not exist on this machine; chronyd refuses to start with this refclock.
lint-hwtimestamp-interface = { $interface } has no hardware clock for timestamping (or does not exist); chronyd refuses to start. Use “hwtimestamp *” to enable it where it is available.
lint-include-unreadable = chronyd reads { $path } through this line but cannot open it ({ os-error }), so it refuses to start.
lint-access-lenient = chrony { $version } accepts “{ $directive } { $args }” without an error, but not as written: it reads only the first address, wraps numbers above 255 and ignores what follows the prefix length (chrony 4.2 and later refuse the line). Write one subnet per line, like 10.0.0.0/24.
lint-access-lenient-comment = chrony { $version } reads “{ $directive } { $rule }” and ignores the comment “{ $comment }” after it, so this line lets those clients in; chrony 4.2 and later refuse the line and do not start. Put the comment on its own line.
lint-nts-unpaired = { $certs } ntsservercert and { $keys } ntsserverkey lines: chrony 4.0 needs one of each, so it starts without an NTS-KE server. Give the certificate its key.
lint-few-sources-client = This machine follows { $count } time { $count ->
        [one] source
       *[other] sources
    } and serves nobody: fine for a client of a lab server; with 3 or more sources chrony could also tell a wrong one from the right ones.
lint-allow-host-unresolved = “{ $host }” does not resolve on this machine (checked now): chronyd resolves the names of allow and deny when it starts and refuses the file when one does not resolve. Use the subnet or fix the name.
lint-cmdmon-exposed = chronyd answers monitoring requests ({ $commands ->
    [default] tracking, sources, activity and the other monitoring commands
   *[other] { $commands }, as opencommands lists them
}) from the network on UDP 323: keep cmdallow to the monitoring host alone and open UDP 323 to it only; changes still need the local socket.
lint-nts-file-unreadable = { $path } cannot be read (chronyd reads it as its own user, after dropping root): chronyd starts, logs "Could not set credentials" and serves no NTS key exchange.
lint-nts-not-certificate = { $path } holds no PEM certificate: chronyd starts, logs "Could not set credentials" and NTS clients cannot start a key exchange with this server.
lint-nts-key-mismatch = The key { $path } does not belong to the certificate { $cert }: chronyd pairs them in order, starts, logs "Could not set credentials" and serves no NTS key exchange.
lint-nts-cert-expired = The NTS certificate { $path } (for { $names }) expired on { $date }, { $days } days ago: clients refuse it and fall back to no time from this server. Renew it (stratum nts renew) and restart chronyd.
lint-nts-cert-not-yet-valid = The NTS certificate { $path } (for { $names }) is not valid yet: a clock behind its start (or a certificate made on a machine ahead) makes clients refuse it.
lint-nts-cert-expiring = The NTS certificate { $path } (for { $names }) expires on { $date }, in { $days } days: renew it before then (stratum nts renew).
lint-nts-key-exposed = The NTS key { $path } is readable by every user: anyone on this machine could impersonate the server. Make it 0640 root:chrony's group (or 0600 for chrony's user).
lint-nts-no-dumpdir = No ntsdumpdir: after each restart chronyd makes new NTS keys, so every client must repeat its key exchange (and lose time until it does). Add ntsdumpdir /var/lib/chrony.
lint-nts-trust-expired = The trusted certificate { $path } (for { $names }) expired on { $date }: servers it signs are refused.
lint-nts-server-by-address = chrony before 4.1 uses NTS only with a server given by name: with { $host } it logs “Missing name of { $host } for NTS-KE” and never authenticates. Name the server as its certificate does.
lint-refclock-lock-unknown = lock { $refid } names no reference clock in this file (a refclock’s refid, or its default: the driver’s first three letters and the clock’s number, such as SHM0): chronyd says "Invalid lock refid" and runs this clock unlocked.
lint-refclock-pps-unnumbered = A PPS clock marks the start of each second but not which second it is: give it lock REFID of the clock that numbers them (the NMEA/GPS refclock), or keep another source that chronyd can select.
lint-leap-list-unreadable = The leap second list { $path } cannot be read: chronyd ignores it and learns of leap seconds only from its sources.
lint-leap-list-invalid = The leap second list { $path } is not one chronyd accepts ({ $reason ->
        [bad-line] line { $line } is neither a comment nor a leap entry
        [no-dates] it has no #$ update line or no #@ expiry line
        [too-long] it has far more entries than a leap second list
       *[fails-check] it does not give the leap second of 30 June 2012
    }): chronyd ignores it. Use the distribution's file (Debian: /usr/share/zoneinfo/leap-seconds.list, from tzdata).
lint-leap-list-expired = The leap second list { $path } expired on { $date }, { $days } days ago: chronyd warns "needs update" and cannot know of leap seconds announced since. Update tzdata (or the file) and restart chronyd.
lint-leap-list-expiring = The leap second list { $path } expires on { $date }, in { $days } days: update tzdata (or the file) before then.
lint-not-an-integer = chrony { $version } reads the value of { $directive } as a whole number, and “{ $value }” is not one (chrony before 4.7 read only its leading digits); chronyd refuses to start.
lint-odd-character = Column { $column } holds { $kind ->
        [ideographic] { $code }, the ideographic space a Chinese input method types, not the ASCII space
        [space] { $code }, a space that is not the ASCII space
        [zero-width] { $code }, an invisible zero-width character
        [bom] { $code }, the byte order mark some Windows editors put at the start of a file
        [nul] a NUL byte, where chronyd's reading of the line stops
       *[full-width] the full-width “{ $char }” ({ $code }) instead of the ASCII “{ $ascii }”
    }: chrony splits words at ASCII spaces only and reads ASCII only, so it cannot read the line “{ $line }” and refuses to start. { $kind ->
        [bom] Save the file as UTF-8 without a byte order mark (BOM).
       *[other] Retype it with the ASCII character.
    }
lint-odd-character-in-value = Column { $column } holds { $kind ->
        [ideographic] { $code }, the ideographic space a Chinese input method types, not the ASCII space
        [space] { $code }, a space that is not the ASCII space
        [zero-width] { $code }, an invisible zero-width character
        [bom] { $code }, the byte order mark some Windows editors put at the start of a file
        [nul] a NUL byte, where chronyd's reading of the line stops
       *[full-width] the full-width “{ $char }” ({ $code }) instead of the ASCII “{ $ascii }”
    }: chronyd reads it as part of a value of { $directive }, which then names something else than it seems. { $kind ->
        [bom] Save the file as UTF-8 without a byte order mark (BOM).
       *[other] Retype it with the ASCII character.
    }
lint-utf16-file = The file is UTF-16, as a Windows editor's “Unicode” saves it: chronyd reads each line only up to its first zero byte and refuses to start ("Invalid directive"). Save it as UTF-8 (or ANSI/ASCII).
lint-not-text = The file is not text but binary data, not a chrony.conf: chronyd refuses to start on it ("Invalid directive"). Check that this is the file you meant.
lint-refclock-device-optional = { $path } does not exist on this machine: this refclock is optional, so chronyd starts without it ("Could not initialise refclock").
lint-minsources-unreachable = minsources { $minsources } asks for more selectable sources than this file can ever give ({ $count }): chronyd never updates the clock from its sources. Lower minsources or add sources.
lint-orphan-waits = chrony { $version } with orphan and no waitunsynced waits { $seconds } s while it is not synchronised (after every start too) before it serves its local clock: clients see it unsynchronised for those { $seconds } s. Add “waitunsynced 0” to serve at once, as older chrony did.
lint-pidfile-off = “pidfile /” turns the PID file off from chrony 4.6 on; chronyd { $version } tries to remove / instead and refuses to start ("Could not remove /"). Give a PID file path, or drop the line.
lint-path-untrusted = chronyd, started as root, would use { $value }, but { $why ->
        [owner] { $path } belongs to { $owner }
        [special] { $path } is not a regular file or directory
        [loop] { $path } leads through too many symbolic links
       *[writable] users other than its owner can write to { $path }
    }: whoever can change it could make chronyd run with their own settings. Such a path and every directory above it must belong to root (what chronyd writes: to chronyd's own user too) and be writable by its owner alone; a directory that include, confdir or sourcedir reads must be so even while nothing matches. Stratum's helper refuses this configuration in system mode.
lint-path-untrusted-file = chronyd, started as root, would use { $value }, but { $why ->
        [owner] { $path } belongs to { $owner }
        [special] { $path } is not a regular file or directory
        [loop] { $path } leads through too many symbolic links
       *[writable] users other than its owner can write to { $path }
    }: whoever can change it could make chronyd run with their own settings. Such a path and every directory above it must belong to root (what chronyd writes: to chronyd's own user too) and be writable by its owner alone; a directory that include, confdir or sourcedir reads must be so even while nothing matches. chronyd itself starts with it; Stratum's helper refuses this configuration in system mode.
lint-control-character = This line holds a control character ({ $char }), which chronyd would read as part of a name or a path. Remove it.
lint-auth-required-none-authenticated = “authselectmode require” gives every NTP source without “key” or “nts” the noselect option, and { $count ->
        [one] the one source here has neither
       *[other] none of the { $count } sources here has either
    }: chronyd never synchronises (chrony.conf(5), authselectmode). Add “key” or “nts” to the sources, or use “authselectmode mix”.
lint-auth-required-plain-noselect = { $hosts } { $count ->
        [one] has
       *[other] have
    } neither “key” nor “nts”, and “authselectmode require” gives every unauthenticated NTP source the noselect option (chrony.conf(5), authselectmode): { $count ->
        [one] it is
       *[other] they are
    } never selected, so { $count ->
        [one] it is no backup
       *[other] they are no backup
    } for the authenticated sources. Authenticate { $count ->
        [one] it
       *[other] them
    }, or use “authselectmode mix” if they may stand in.
lint-auth-mix-required = { $hosts } { $count ->
        [one] is the one authenticated source
       *[other] are the { $count } authenticated sources
    } among { $plain } without “key” or “nts”. { $mode ->
        [prefer] Under “authselectmode prefer”, chrony.conf(5) gives every unauthenticated NTP source the noselect option as soon as one source is authenticated: the { $plain } others are never used, and while no authenticated source is selectable (a key the server lacks, no answer) chronyd stays unsynchronised.
       *[mix] Under the default “authselectmode mix”, chrony.conf(5) gives every authenticated NTP source “require” and “trust” when unauthenticated ones are specified too: while no authenticated source is selectable (a key the server lacks, no answer), the { $plain } unauthenticated { $plain ->
            [one] source cannot
           *[other] sources cannot
        } update the clock either and chronyd stays unsynchronised.
    } Authenticate every source, or set “authselectmode ignore” if the others may stand in for it.
lint-key-missing = { $host } is asked with key { $key }, but { $why ->
        [absent] { $keyfile } has no key { $key }
        [unreadable] the key file { $keyfile } does not exist or cannot be read (chronyd logs “Could not open keyfile { $keyfile }”)
       *[other] there is no keyfile directive
    }: chronyd logs “Key { $key } is missing” and no answer from { $host } is accepted (chrony.conf(5): the server must have the same key configured). Add key { $key } to the key file, or remove “key { $key }”.
lint-maxdistance-unreachable = maxdistance { $value } µs is below what any network source can meet: its root distance includes half the round trip to it (chrony.conf(5) maxdistance), and round trips take tens of µs on a LAN at best, so chronyd rejects every server, pool and peer and the clock is not synchronised from them. Leave maxdistance out (3 s by default) or give a limit of milliseconds.
lint-maxdistance-tight = maxdistance { $value } ms accepts only sources whose root distance (half the root delay plus the root dispersion, chrony.conf(5) maxdistance) is below it. A server that follows internet servers is further away than { $floor } ms: ntp.aliyun.com alone gives about 21 ms (root delay 15 ms, root dispersion 14 ms), so chronyd starts but rejects such a source and the clock is never synchronised from it. Only a server with its own reference clock or local on the same LAN is nearer. Leave maxdistance out (3 s by default) or set it above the root distance chronyc selectdata or ntpdata shows for the sources.
lint-maxupdateskew-unreachable = maxupdateskew { $value } ppm is below { $floor } ppm, under the skew a network source's frequency estimate reaches (even over loopback only a few hundredths of a ppm after minutes, on a LAN far more): chrony.conf(5) maxupdateskew is “the threshold for determining whether an estimate might be so unreliable that it should not be used”, so no estimate is ever used, tracking keeps Skew at 1000000 ppm and the root dispersion grows to seconds. Leave it out (1000 ppm by default) or give 10 to 100 ppm (the manual's values for wired and wireless networks).
lint-maxdelay-unreachable = maxdelay { $value } µs on { $host } is shorter than any network round trip (tens of µs on a LAN at best, not below { $floor } µs): chronyd ignores every measurement whose delay is larger (chrony.conf(5) { $directive } maxdelay), so it never uses this source. Leave maxdelay out or give a limit of milliseconds.
lint-source-offline = { $host } is marked offline: chronyd does not poll it until “chronyc online” (or a network script) says so (chrony.conf(5) server offline). Leave the option out on a machine whose network is always up.
lint-reserved-name = { $host } is under .{ $tld }, a name reserved for documentation and testing (RFC 2606, RFC 6761; .invalid never resolves): chronyd keeps retrying to resolve it and gets no time from it unless this machine's hosts file or DNS defines it.
lint-duplicate-refid = The refid { $refid } is also the reference clock's on line { $line }: chrony.conf(5) refid asks for a unique reference ID for each refclock; chronyd starts, but sources, the logs and lock options cannot tell the two clocks apart.
lint-refid-too-long = { $option } { $value } is longer than four characters: chrony.conf(5) refid takes “up to four ASCII characters”; chronyd refuses to start.
lint-sources-not-a-source = chronyd ignores “{ $directive }” here without a message: a .sources file of sourcedir may hold only server, pool and peer lines (chrony.conf(5) sourcedir). Put it in chrony.conf or a confdir file.
lint-sources-line-dropped = chronyd drops this { $directive } line without a message (it cannot read “{ $args }”): in a .sources file a line it cannot read is skipped, not refused, so the source is simply missing.
lint-sources-line-unterminated = This line does not end with a newline (or is longer than chronyd's 2048-byte buffer): chronyd stops reading the .sources file here and leaves out this line and any after it ({ $lines } in all) without a message (chrony.conf(5) sourcedir: such files "are expected to have all lines terminated by the newline character"). End the file with a newline.
lint-maxjitter-unreachable = maxjitter { $value } µs is below the jitter of network sources (under { $floor } µs): chronyd measures each source's jitter (“Std Dev” in chronyc sourcestats) at 0.1 to 1 µs even over loopback and at microseconds or more over a LAN, and rejects a source whose jitter is larger as too variable (chrony.conf(5) maxjitter; state ~ in chronyc sources), so the clock is synchronised from its servers never, or only at moments. Leave maxjitter out (1 s by default) or give a limit of milliseconds.
lint-stratum-limits-unreachable = { $case ->
        [min-high] minstratum { $min } is above 15, the highest stratum a synchronised source has
        [max-zero] maxstratum { $max } allows only stratum 0, which only reference clocks have; every NTP server has stratum 1 or more
       *[crossed] minstratum { $min } is above maxstratum { $max }, so no stratum is allowed
    }: chronyd rejects every { $case ->
        [max-zero] server, pool and peer
       *[other] source
    } (chrony.conf(5) minstratum and maxstratum: a source's stratum must lie between them; state r in chronyc selectdata), and the clock is never synchronised. The useful range of both is 0 to 15: leave them out, or keep minstratum at or below maxstratum.
lint-maxchange-ignores-start = “maxchange { $offset } 0 …” checks every clock update from the first one, and its negative third value makes chronyd ignore every update over { $offset } s for good (chrony.conf(5) maxchange; the log says “… exceeds the allowed maximum … (ignored)”). A clock that starts more than { $offset } s off (a new machine, a flat RTC battery, a long power cut) is never corrected: chronyc sources shows its server selected (*) while tracking stays “Not synchronised”. { $makestep ->
        [none] makestep would not help either
       *[other] makestep (line { $makestep }) does not help
    }: chronyd applies the maxchange check before it considers a step. Give a second value of 1 or more, so that the first updates can correct the clock.
lint-maxchange-exits-at-start = “maxchange { $offset } 0 { $ignore }” checks every clock update from the first one: { $ignore ->
        [0] chronyd exits on the first update over { $offset } s
       *[other] chronyd ignores { $ignore } updates over { $offset } s and exits on the next
    } (chrony.conf(5) maxchange: “Another large offset will cause chronyd to give up and exit”). A clock that starts more than { $offset } s off stops chronyd seconds after it starts. { $makestep ->
        [none] makestep would not help either
       *[other] makestep (line { $makestep }) does not help
    }: chronyd applies the maxchange check before it considers a step. Give a second value of 1 or more, so that the first updates can correct the clock.
lint-polltarget-range = polltarget { $value } on { $host } is outside 6 to 60, the useful range chrony.conf(5) gives: { $case ->
        [high] chronyd lengthens the polling interval only while it holds more samples of the source than the target, and it keeps at most 64 (fewer once old ones stop fitting), so the interval stays at or near minpoll for good: the most requests the server gets from this client, and no longer interval as the estimate settles
        [low] chronyd lengthens the polling interval towards maxpoll as soon as it holds { $value } samples, so its estimates rest on fewer measurements and filter less network jitter
        [raised] chrony { $version } uses 1 instead and lengthens the polling interval to maxpoll almost at once, with estimates resting on very few measurements (chrony 4.7 and later refuse the line)
       *[unchecked] chrony { $version } uses it as given and its polling adjustment divides by it, so the interval runs to maxpoll and, with 0, falls back to minpoll at random (chrony 4.4 to 4.6 use 1 instead, 4.7 and later refuse the line)
    }. Leave polltarget out (8 by default) or give 6 to 60.
lint-samples-capped = { $option } { $value } has no effect beyond { $max }: chronyd keeps at most { $max } samples of a source, so it acts as { $max } (chrony.conf(5) gives 4 to 64 as the useful range). Give { $max } or less.
lint-source-port-zero = port 0 on { $host }: 0 is no port a server answers on (chrony.conf(5) { $directive } port: “the UDP port on which the server understands NTP requests”). chronyd takes it without a message, but the system refuses to send a packet to port 0, so no request leaves and the source stays unreachable (Reach 0). Leave port out for the standard port 123, or give the port the server listens on.
lint-sourcedir-missing = The directory { $path } does not exist: chronyd starts without a message and loads no sources from it (chrony.conf(5) sourcedir reads the *.sources files in it). It looks again on “chronyc reload sources”, once the directory is there. Check the path, or create the directory.
lint-log-no-logdir = “log { $logs }” writes nothing: there is no logdir, and chronyd writes its log files only in the directory logdir names (it starts with “logdir not specified”). Add a logdir line, e.g. “logdir /var/log/chrony”.
lint-source-brackets = { $host } is an IPv6 address in brackets: chrony.conf writes addresses bare, and chronyd takes the bracketed form for a host name that never resolves, without a message, so this source is never used. Write “{ $bare }”.
lint-source-zone = “{ $host }” is a link-local address with an interface: chrony keeps no interface in a source's address, so chronyd looks up the whole text as a host name and, where that fails, logs “Invalid host { $host }” and drops the source; where it resolves, the interface is lost. chrony.conf(5) bindacqdevice: write “server { $bare }” and “bindacqdevice { $zone }” (Linux), or use a global or unique local (fd00::/8) address of the server.
lint-access-overridden = “{ $directive }” cancels “{ $earlier }” on line { $line }: an “allow all” or “deny all” line overrides every earlier allow or deny of a subnet within its own, so that line no longer applies. Move that line after this one, or write this one without “all” (a plain { $kind } keeps narrower earlier lines).
lint-source-host-port = “{ $host }” is not an address with a port: chronyd takes the whole of it as a host name, which never resolves, so this source is never used (chronyd starts without a word; “chronyc sources” stays empty and “chronyc activity” counts a source with unknown address). chrony.conf(5) { $directive }: the port goes in the port option. Write “{ $directive } { $name } port { $port }” (123 is the default port and can be left out).
lint-leapsectz-no-leaps = The time zone { $zone } has no leap seconds: chronyd checks that 23:59:60 on 31 December 2008 exists in it, logs “Timezone { $zone } failed leap second check, ignoring” and takes no leap second from it. chrony.conf(5) leapsectz: this normally works with the right/UTC time zone. Write “leapsectz right/UTC”.
lint-makestep-limit-fraction = makestep { $threshold } { $limit }: the limit is a count of clock updates and chronyd reads “{ $limit }” as { $read }, so it steps the clock only when it is off by more than { $threshold } s, { $when ->
        [never] and never
        [always] at any update
        [once] and only at the first update
       *[first] and only at the first { $read } update(s)
    } (chrony.conf(5): makestep threshold limit, the threshold in seconds first). { $swapped ->
        [yes] The two look swapped: for a { $limit } s threshold at the first { $threshold } updates write “makestep { $limit } { $threshold }”.
       *[other] Write the limit as a whole number.
    }
lint-smoothtime-serves = smoothtime without leaponly on a machine that serves clients: they get a smoothed time, not chronyd's best estimate of the true time. chrony.conf(5) smoothtime: “BE WARNED: The server is intentionally not serving its best estimate of the true time”; clients that also poll another server can reject it as a falseticker. Add “leaponly” to smooth only leap seconds, or keep smoothtime for servers whose clients poll this server alone.
lint-cmdport-off-cmd-lines = cmdport 0: chronyd does not open the UDP command port, so the cmdallow, cmddeny and bindcmdaddress lines ({ $lines }) have no effect; chronyc works through the local socket only. Remove them, or remove cmdport 0 to monitor from another host.
lint-maxsamples-one = maxsamples 1 turns off frequency tracking, so each source is selectable after one sample: chrony.conf(5) means it for chronyd -q or -Q (set the clock once and exit). A daemon that keeps the time should leave maxsamples out or give 4 to 64.
lint-dir-file-skipped = { $directive } reads only the *.{ $ext } files of { $dir }: chronyd skips { $file } without a message, and its { $directive ->
        [sourcedir] server, pool and peer lines
       *[other] directives
    } never apply (chrony.conf(5) { $directive }: the files have the .{ $ext } suffix). Rename it to end in .{ $ext }, or remove it.
lint-no-sources-read = No file chronyd reads has a server, pool, peer or refclock line (the files of sourcedir and confdir included), so it has no source to follow: { $local ->
        [yes] it serves only its own free-running clock (local stratum) and never synchronises
       *[no] it never synchronises and serves nothing
    }. Add a server or pool line, or a correctly named file in the directory.
lint-duplicate-source-file = { $host } is already a source in { $file } on line { $line }; chronyd adds it once, so this line adds nothing.
lint-port-wraps = { $option } { $value } is not a port (0 to 65535): chrony { $version } takes it without a message and keeps only its low 16 bits, so chronyd uses port { $used } ({ $value } modulo 65536) and this line does not do what it says. chrony 4.7 and later refuse it. Write the port meant, from 0 to 65535.
lint-number-prefix = { $directive } “{ $value }”: chronyd reads only the number at the start of the word and ignores the rest without a message, so it uses { $directive } { $used }. { $case ->
        [comma] A decimal comma? chrony writes decimals with a point: “{ $directive } { $meant }”.
       *[other] Write the value as a number alone.
    }
lint-leapsectz-missing = The time zone { $zone } does not exist on this machine (there is no { $dir }/{ $zone }): chronyd logs “Timezone { $zone } failed leap second check, ignoring” and has no leap-second information at all. This was checked on the machine running Stratum; if the file is for another host, check there. chrony.conf(5) leapsectz: the zone must contain the leap seconds, e.g. “leapsectz right/UTC”.
lint-maxclockerror-high = maxclockerror { $value } ppm is far above what chrony.conf(5) gives as typical: “10 for a low quality clock and 0.1 for a high quality clock” (the default is 1). chronyd adds { $ms_per_s } ms to the root dispersion for every second between clock updates, so this server looks much less accurate to its clients. Is the value in ppm as meant?
lint-driftfile-missing-directory = The directory { $path } of driftfile does not exist on this machine: chronyd starts, but at every drift update it logs “Could not open … drift.tmp” and never saves the frequency, so every restart begins unsettled (chrony.conf(5) driftfile: the file lets chronyd “start with a good estimate of the rate”). Create the directory, or give a path that exists where this file is used.
lint-logdir-uncreatable = chronyd cannot make the logdir { $path } on this machine: { $blocker } is in the way (a file, or a directory of the kernel file systems /proc and /sys, where no directory can be made). chronyd starts, logs “Could not create directory { $path }” (or “{ $blocker } is not directory”) and then “Could not open { $path }/… .log”, and writes none of the logs the log directive asks for. Give a logdir whose nearest existing parent is a directory on a disk, such as /var/log/chrony.
lint-maxupdateskew-negative = maxupdateskew { $value } is negative: chronyd uses its absolute value ({ $used } ppm) without a word (reference.c takes fabs). chrony.conf(5) maxupdateskew is a threshold in ppm, 1000 by default: write the positive value you mean, or leave the line out.
lint-logbanner-negative = logbanner { $value }: chronyd { $version } takes it without a word, but compares it as a huge unsigned number, so the banner is written once at the top of each log file and never repeated (chronyd 4.7 and later refuse it). chrony.conf(5) logbanner: “The default is 32, and 0 can be used to disable it entirely”: give a positive count, or 0.
lint-orphan-waits-unknown = From chrony 4.7, a server with orphan and no waitunsynced waits { $seconds } s while it is not synchronised (after every start too) before it serves its local clock. Which chronyd runs here is not known: with 4.7 or later, add “waitunsynced 0” to serve at once.
