# 检查消息：每条规则一个（lint-<规则>）。

severity-error = 错误
severity-warning = 警告
severity-hint = 提示

lint-line-too-long = 该行过长：chronyd 拒绝超过 { $max } 个字符的行（"String too long"）。
lint-unknown-directive = “{ $directive }”不是 chrony 指令，chronyd 将拒绝启动（"Invalid directive"）。{ $suggestion ->
    [none] {""}
   *[other] 是否应为“{ $suggestion }”？
}{ $directive ->
    [restrict] 这是 ntp.conf 的指令：chrony 只为“allow”放行的客户端提供服务（“deny”拒绝其中一部分），chronyc 的访问由“cmdallow”/“cmddeny”控制。
    [fudge] 这是 ntp.conf 的指令：ntpd 的本地时钟（server 127.127.1.0 加 fudge … stratum N）在 chrony 中是“local stratum N”。
   *[other] {""}
}
lint-missing-arguments = { $directive } 需要 { $expected } 个参数，实际只有 { $found } 个，chronyd 将拒绝启动（"Missing arguments"）。
lint-too-many-arguments = { $directive } 只接受 { $expected } 个参数，实际有 { $found } 个，chronyd 将拒绝启动（"Too many arguments"）。
lint-unknown-option = { $directive ->
    [opencommands] “{ $option }”不是 opencommands 可开放的命令（activity、authdata、clients、manual、ntpdata、rtcdata、selectdata、serverstats、smoothing、sourcename、sources、sourcestats、tracking），chronyd 将拒绝启动（无法解析 opencommands 指令）。
   *[other] { $directive } 没有“{ $option }”选项，chronyd 将拒绝启动。
}{ $suggestion ->
    [none] {""}
   *[other] 是否应为“{ $suggestion }”？
}
lint-bad-option-value = 该 { $directive } 行中“{ $option }”的值缺失或不是数字，chronyd 将拒绝启动。
lint-invalid-arguments = chronyd 无法解析 { $directive } 的参数（“{ $args }”），将拒绝启动。
lint-placeholder = “{ $placeholder }”是模板里未填写的占位符：请换成实际的地址或子网；chronyd 无法解析这一行 { $directive }，将拒绝启动。
lint-bad-address = “{ $value }”不是 IP 地址；{ $directive } 需要 IP 地址，chronyd 将拒绝启动。
lint-bad-log-parameter = “{ $value }”不是 chrony 可写的日志（可用 measurements、statistics、tracking、rtc、refclocks、tempcomp、selection 或 rawmeasurements，须小写）。
lint-local-stratum-range = local stratum { $value } 超出范围，必须为 1 到 15，chronyd 将拒绝启动。
lint-trailing-comment = chrony 不允许在指令后面写注释（“{ $comment }”），chronyd 将拒绝启动。请把注释放在单独一行。
lint-unsupported-directive = { $directive } 需要 chrony { $since } 或更新版本；chronyd { $version } 将拒绝启动。
lint-unsupported-option = { $directive } 的 { $option } 选项需要 chrony { $since } 或更新版本；chronyd { $version } 将拒绝启动。
lint-out-of-range = { $option } { $value } 超出范围（{ $min } 到 { $max }），chronyd 将拒绝启动。
lint-bad-subnet = { $subnet } 不是有效子网：前缀长度超过地址长度，chronyd 将拒绝启动（"Bad subnet"）。
lint-clientloglimit-unused = clientloglimit 设定记录客户端访问所用的内存，但 noclientlog（第 { $line } 行）关闭了这种记录：该限制不起作用，“chronyc clients”也没有内容可显示。请删除其中之一。
lint-noclientlog-ratelimit = { $directive } 不能与 noclientlog（第 { $line } 行）同时使用，chronyd 将拒绝启动（"Rate limiting cannot be enabled with noclientlog"）。请删除其中之一。
lint-rtcfile-rtcsync = rtcfile 不能与 rtcsync 同时使用，chronyd 将拒绝启动。在 Linux 上请保留 rtcsync。
lint-rtcautotrim-no-rtcfile = rtcautotrim 只与 rtcfile 一起生效（chrony.conf(5)：“仅在使用 rtcfile 指令时有效”）：没有 rtcfile 时 chronyd 照常启动，但这一行不起作用。使用 rtcsync 时由内核保持 RTC 同步，可以删除这一行。
lint-nts-uneven = 有 { $certs } 行 ntsservercert 和 { $keys } 行 ntsserverkey，二者必须成对出现，否则 chronyd 将拒绝启动。
lint-refclock-driver = “{ $driver }”不是 Linux 上 chrony { $version } 的参考时钟驱动（应为大写的 { $drivers }），chronyd 将拒绝启动。
lint-refclock-tai = refclock 的 tai 选项需要 leapsectz 指令（chrony 4.6 及以后也可用 leapseclist），chronyd 将拒绝启动。
lint-extfield-value = extfield { $value } 不是 chrony { $version } 支持的扩展字段（支持的是 { $known }），chronyd 将拒绝启动。
lint-include-missing = { $path } 不存在，chronyd 无法读取 include 指定的内容，将拒绝启动。
lint-deprecated-directive = { $directive } 已不再支持，chronyd 会忽略它。
lint-clamped = { $option } { $value } 超出范围，chronyd 会静默改用 { $used }。
lint-poll-below-minimum = { $option } { $value } 低于 chrony { $version } 允许的最短轮询间隔（{ $min }，{ $min_s } 秒）。chronyd 不会把它改成下限，而是静默改用默认的 { $option } { $used }（{ $used_s } 秒），并把 maxpoll 提高到不低于 minpoll，因此该源每 { $span ->
        [equal] { $from_s } 秒
       *[range] { $from_s } 秒到 { $to_s } 秒
    }轮询一次（minpoll { $minpoll }，maxpoll { $maxpoll }）。请使用不低于 { $min } 的 { $option }。
lint-leapsecmode-unknown = leapsecmode “{ $value }”不是 chronyd 认识的模式，chronyd 将拒绝启动。chrony.conf(5) leapsecmode 只有四种：system、step、slew 和 ignore。如需为 NTP 客户端平滑（smear）闰秒，chrony.conf(5) 推荐“leapsecmode slew”、“maxslewrate 1000”和“smoothtime 400 0.001024 leaponly”。
lint-no-allow = 已设置 local，但没有 allow 行允许客户端访问：这台服务器不为任何客户端提供时间。请为客户端网段添加 allow 行。
lint-local-stratum-one = “local stratum 1”告诉客户端本机直接连接着真正的参考时钟（chrony.conf(5) local：层级 1 表示直接连接真实时间参考的计算机），因此客户端会优先选它而不是真正的服务器。该层级“应大于网络中预期的最大层级”：除非这是隔离实验网络有意设置的顶层，请使用默认值 10。
lint-local-stratum-below-upstream = 配置了上游服务器却设置 local stratum { $stratum }：上游失效后，本机以层级 { $stratum } 发布自由运行的本地时钟，不高于公共服务器的真实链路（层级 1 至 4），同时能看到其他服务器的客户端会优先选它。chrony.conf(5) local：该值“在可以访问外部 NTP 服务器时，应大于网络中预期的最大层级”。请使用默认值 10。
lint-no-local-stratum = 已允许客户端访问，但没有 local 指令：上游服务器不可达时，客户端会看到层级 0 和 Not synchronised（未同步）。隔离的实验网络请添加“local stratum 10 orphan”。
lint-prefer-noselect = { $host } 这一行上的 prefer 不起作用：noselect 表示它永远不会被选来同步，所以 { $host } 只被测量，从不被使用。若要优先使用它，请删除 noselect；若只想监测它，请删除 prefer。
lint-peer-burst = peer 行上的 { $option } 会被忽略：突发同步只对 server 和 pool 源有效。
lint-peer-nts = nts 在 peer 行上不起作用（chrony.conf(5) peer：“server 指令的以下选项在 peer 指令中不起作用：iburst、burst、nts、presend、copy”）：chronyd 在日志中记录对等端不支持 NTS，仍向 { $host } 发起 NTS 密钥交换（TCP 端口 4460），但不接受该对等端的任何应答，因为对等端的应答不带 NTS 字段（chronyd 只为客户端添加）。对等端请用“key N”认证（双方密钥文件中相同的密钥），或把 { $host } 改为带 nts 的 server。
lint-nts-key-ignored = { $host } 同时有 nts 和“key { $key }”：chronyd 用 NTS 认证它，忽略该密钥（chrony 的 ntp_core.c 只在没有 nts 时使用密钥；chrony.conf(5) nts：“与 key 选项不同，服务器和客户端无需共享密钥”）。请删去其中之一：删去“key { $key }”保留 NTS，或删去 nts 使用对称密钥。
lint-certset-empty = { $host } 用证书集 { $set } 验证其 NTS 服务器的证书，但该集合中没有证书：{ $which ->
        [default] “nosystemcert”去掉了集合 0 中系统信任的 CA，且没有不带集合编号的“ntstrustedcerts FILE”行补充
       *[other] 没有“ntstrustedcerts { $set } FILE”行填充它，而 chrony.conf(5) ntstrustedcerts 说明“其他集合默认为空”
    }。NTS 密钥交换会失败（chronyd 记录“The certificate is NOT trusted”），该源永远不会被使用。请添加“ntstrustedcerts { $set } FILE”，指向签发服务器证书的 CA，或让 certset 指向包含它的集合。
lint-cmdallow-no-bind = cmdallow 不起作用：chronyd 只在本机回环地址上监听监控命令。请添加非回环地址的 bindcmdaddress，或删除 cmdallow。
lint-few-sources = 只有 { $count } 个上游时间源：chrony 至少需要 3 个才能识别给出错误时间的源（falseticker）。
lint-no-sources = 没有任何时间源：没有 server、pool、peer、refclock 或 local 指令，chronyd 永远不会同步。
lint-only-noselect-sources = 没有任何时间源能被选中：所有 server、pool、peer 和 refclock 行都带有“noselect”（chrony.conf(5)：“Never select this source”，即永不选中此源），也没有 local 指令。chronyd 会测量这些源，但永远不会同步时钟。请去掉本机应跟随的时间源上的 noselect。
lint-require-noselect = { $source } 同时带有“require”和“noselect”：noselect 表示它永远不会被选中，因此它永远不可能成为 require 所要求的可选时间源（chrony.conf(5) 中 require 的说明：至少有一个带此选项的时间源可选时，才会更新时钟）。请只保留其中一个。
lint-duplicate-source = { $host } 已在第 { $line } 行作为时间源，这一行是重复的。
lint-no-makestep = 没有 makestep：如果启动时时钟偏移很大，chronyd 只会缓慢调整（几分钟的偏移需要数小时）。请添加“makestep 1 3”。
lint-initstepslew-use-makestep = initstepslew { $threshold } 只在启动时校正一次时钟：误差超过 { $threshold } 秒时步进（更小的误差缓慢调整），且要求 { $hosts } 当时有应答；都没有应答时，chronyd 记录“No suitable source for initstepslew”，不校正时钟就开始运行。chrony.conf(5) 自 chrony 4.1 起将 initstepslew 标为已弃用，建议改用 makestep：写“makestep 1 3”，并把 { $hosts } 写成 server 行。
lint-maxpoll-below-minpoll = maxpoll { $maxpoll } 小于 minpoll { $minpoll }，chronyd 会把 maxpoll 提高到 minpoll。
lint-maxsamples-below-minsamples = maxsamples { $maxsamples } 小于 minsamples { $minsamples }：chronyd 对这个时间源最多保留 { $maxsamples } 个样本，所以 minsamples { $minsamples } 的效果等于 { $maxsamples }。请把 minsamples 设为 { $maxsamples } 或更小，或者调大 maxsamples。
lint-server-port-off = 第 { $line } 行设置了 port 0（端口 0）：chronyd 不会打开服务器端口，只作为客户端工作（chrony.conf(5) port），所以这条 allow 不会放行任何客户端，也没有客户端能从这里获得时间。要为客户端提供时间，请删除 port 0（或填写 NTP 端口）；否则请删除 allow 行。
lint-duplicate-directive = { $kind ->
    [bind] 第 { $line } 行的“{ $directive } { $later }”取代了这里的“{ $directive } { $earlier }”：chrony.conf(5) 规定 IPv4 和 IPv6 各只能有一条 { $directive }，所以 chronyd 只在 { $later } 上监听，{ $earlier } 所在的接口得不到服务。
   *[other] 第 { $line } 行的“{ $directive } { $later }”取代了这里的“{ $directive } { $earlier }”：chronyd 只保留最后一条。
}
lint-allow-hostname = allow { $host } 使用了主机名，chronyd 只在启动时解析一次；无法解析时将拒绝启动。建议使用地址或子网。
lint-peer-strata-differ = 本服务器的本地层级为 { $stratum }，对等的另一台为 { $other }。这样可以工作：上游不可达时，本地层级较低的服务器提供自己的时钟，另一台跟随它，客户端得到的是同一个时间。chrony.conf(5)（local 的 orphan 选项）让同组每台服务器使用相同的“local stratum N orphan”，这样任何一台失效时另一台都能以相同层级接替。
lint-option-ignored = { $option } 在 { $directive } 行上不起作用（仅适用于 pool）。
lint-host-bits = { $subnet } 含有主机位，chrony 实际使用 { $network }。
lint-peer-no-orphan = 这些对等服务器配置了 local 但没有“orphan”。local 层级不同时这样也能工作：上游不可达时，local 层级较低的一台提供自己的时钟，另一台跟随它。chrony.conf(5)（local 的 orphan 选项）中的 orphan 用于共用同一 local 配置的多台服务器：每台都写相同的“local stratum N orphan”，由参考 ID 最小的一台提供自己的时钟，其余服务器跟随它，它失效时由另一台接替。
lint-source-wrong-family = { $host } 是 { $family } 地址，但 { $option } 选项把此源限定为 { $other } 地址：chronyd 会记录“Could not add source { $host }”，并在没有此源的情况下运行。请删去 { $option }（它用于同时有两种地址的主机名），或改用 { $other } 地址。
lint-ntpd-refclock-address = { $host } 是 ntp.conf 的伪地址（127.127.类型.单元，ntpd 的参考时钟驱动；127.127.1.0 是它的本地时钟），不是服务器：chronyd 会轮询它，但没有人应答。chrony 用“local stratum 10”提供自己的时钟，用“refclock”读取参考时钟。
lint-source-host-is-option = 这一行 { $directive } 没有写服务器：“{ $host }”是选项，而 chronyd 把“{ $directive }”后的第一个词当作服务器名称，于是去解析名为“{ $host }”的主机，解析不出来，这一行不会提供任何时间。请把服务器的地址或名称写在最前面：“{ $directive } 地址 { $host }”。
lint-no-iburst = { $host } 没有 iburst：首次同步需要几分钟而不是几秒。
lint-allow-everyone = 这一行 allow 允许任何{ $family ->
        [ipv4] IPv4 地址
        [ipv6] IPv6 地址
       *[other] 地址
    }使用本服务器。
lint-missing-directory = { $directive } 所需的目录 { $path } 不存在，chronyd 将拒绝启动。
lint-refclock-device = 本机上不存在 { $path }，使用此参考时钟时 chronyd 将拒绝启动。
lint-hwtimestamp-interface = { $interface } 没有可用于硬件时间戳的硬件时钟（或该网卡不存在），chronyd 将拒绝启动。请使用“hwtimestamp *”在支持的网卡上启用。
lint-include-unreadable = chronyd 会通过此行读取 { $path }，但无法打开它（{ os-error }），因此将拒绝启动。
lint-access-lenient = chrony { $version } 接受“{ $directive } { $args }”且不报错，但不是按所写的意思：它只读取第一个地址，大于 255 的数字会回绕，前缀长度之后的内容被忽略（chrony 4.2 及以后会拒绝这一行）。请每行写一个子网，例如 10.0.0.0/24。
lint-access-lenient-comment = chrony { $version } 读取“{ $directive } { $rule }”并忽略其后的注释“{ $comment }”，所以这一行能让这些客户端访问；chrony 4.2 及以后会拒绝这一行，无法启动。请把注释放在单独一行。
lint-nts-unpaired = { $certs } 个 ntsservercert 与 { $keys } 个 ntsserverkey：chrony 4.0 需要各一个，因此会启动，但没有 NTS-KE 服务器。请为证书配上其密钥。
lint-few-sources-client = 本机跟随 { $count } 个时间源且不为其他主机提供服务：作为实验服务器的客户端这样没问题；若有 3 个或更多时间源，chrony 还能识别出给出错误时间的源。
lint-allow-host-unresolved = “{ $host }”在本机无法解析（刚刚检查过）：chronyd 启动时会解析 allow 和 deny 中的名称，只要有一个无法解析就拒绝整个文件。请改用子网，或修正该名称。
lint-cmdmon-exposed = chronyd 会在 UDP 323 上回应来自网络的监控请求（{ $commands ->
    [default] tracking、sources、activity 等监控命令
   *[other] opencommands 所列的 { $commands }
}）：请让 cmdallow 只包含监控主机，并只对它开放 UDP 323；修改仍需通过本机套接字。
lint-nts-file-unreadable = 无法读取 { $path }（chronyd 在放弃 root 权限后以自己的用户身份读取）：chronyd 会启动，但记录“Could not set credentials”，不提供 NTS 密钥交换。
lint-nts-not-certificate = { $path } 中没有 PEM 证书：chronyd 会启动，但记录“Could not set credentials”，NTS 客户端无法与本服务器进行密钥交换。
lint-nts-key-mismatch = 密钥 { $path } 与证书 { $cert } 不匹配：chronyd 按顺序将二者配对，会启动，但记录“Could not set credentials”，不提供 NTS 密钥交换。
lint-nts-cert-expired = NTS 证书 { $path }（适用于 { $names }）已于 { $date } 过期（{ $days } 天前）：客户端会拒绝它，无法从本服务器获取时间。请续期（stratum nts renew）并重启 chronyd。
lint-nts-cert-not-yet-valid = NTS 证书 { $path }（适用于 { $names }）尚未生效：时钟落后于证书起始时间（或证书是在时钟超前的机器上生成的）会使客户端拒绝它。
lint-nts-cert-expiring = NTS 证书 { $path }（适用于 { $names }）将于 { $date } 过期（还剩 { $days } 天）：请在此之前续期（stratum nts renew）。
lint-nts-key-exposed = NTS 密钥 { $path } 对所有用户可读：本机任何人都能冒充该服务器。请设为 0640 root:chrony 的组（或 chrony 用户的 0600）。
lint-nts-no-dumpdir = 没有 ntsdumpdir：chronyd 每次重启都会生成新的 NTS 密钥，所有客户端必须重新进行密钥交换（在此之前无法获取时间）。请添加 ntsdumpdir /var/lib/chrony。
lint-nts-trust-expired = 受信任的证书 { $path }（适用于 { $names }）已于 { $date } 过期：由它签发的服务器将被拒绝。
lint-nts-server-by-address = 4.1 之前的 chrony 只能对以名称指定的服务器使用 NTS：使用 { $host } 时会记录“Missing name of { $host } for NTS-KE”，且永远无法完成认证。请使用证书中的名称指定服务器。
lint-refclock-lock-unknown = lock { $refid } 在本文件中不对应任何参考时钟（参考时钟的 refid，或其默认值：驱动名的前三个字母加时钟序号，例如 SHM0）：chronyd 会提示“Invalid lock refid”，并以未锁定方式运行此时钟。
lint-refclock-pps-unnumbered = PPS 时钟只标出每一秒的开始，不知道是哪一秒：请为它加上 lock REFID，指向为秒编号的时钟（NMEA/GPS 参考时钟），或保留另一个 chronyd 可以选用的时间源。
lint-leap-list-unreadable = 无法读取闰秒列表 { $path }：chronyd 会忽略它，只能从时间源得知闰秒。
lint-leap-list-invalid = 闰秒列表 { $path } 不是 chronyd 接受的格式（{ $reason ->
        [bad-line] 第 { $line } 行既不是注释也不是闰秒条目
        [no-dates] 缺少 #$ 更新行或 #@ 过期行
        [too-long] 条目数远超闰秒列表应有的数量
       *[fails-check] 未给出 2012 年 6 月 30 日的闰秒
    }）：chronyd 会忽略它。请使用发行版自带的文件（Debian：/usr/share/zoneinfo/leap-seconds.list，来自 tzdata）。
lint-leap-list-expired = 闰秒列表 { $path } 已于 { $date } 过期（{ $days } 天前）：chronyd 会提示“needs update”，无法得知此后公布的闰秒。请更新 tzdata（或该文件）并重启 chronyd。
lint-leap-list-expiring = 闰秒列表 { $path } 将于 { $date } 过期（还剩 { $days } 天）：请在此之前更新 tzdata（或该文件）。
lint-not-an-integer = chrony { $version } 把 { $directive } 的值作为完整的整数读取，而“{ $value }”不是整数（4.7 之前的 chrony 只读取开头的数字）；chronyd 将拒绝启动。
lint-odd-character = 第 { $column } 列是{ $kind ->
        [ideographic] { " " }{ $code }，中文输入法输入的全角空格，而不是 ASCII 空格
        [space] { " " }{ $code }，一个不是 ASCII 空格的空格
        [zero-width] { " " }{ $code }，一个看不见的零宽字符
        [bom] { " " }{ $code }，某些 Windows 编辑器写在文件开头的字节序标记
        [nul] 一个 NUL 字节，chronyd 读到这里就认为这一行结束了
       *[full-width] 全角的“{ $char }”（{ $code }），而不是 ASCII 的“{ $ascii }”
    }：chrony 只按 ASCII 空格分词，也只读取 ASCII 字符，因此无法读取这一行“{ $line }”，将拒绝启动。{ $kind ->
        [bom] 请将文件另存为不带字节序标记（BOM）的 UTF-8 编码。
       *[other] 请用 ASCII 字符重新输入。
    }
lint-odd-character-in-value = 第 { $column } 列是{ $kind ->
        [ideographic] { " " }{ $code }，中文输入法输入的全角空格，而不是 ASCII 空格
        [space] { " " }{ $code }，一个不是 ASCII 空格的空格
        [zero-width] { " " }{ $code }，一个看不见的零宽字符
        [bom] { " " }{ $code }，某些 Windows 编辑器写在文件开头的字节序标记
        [nul] 一个 NUL 字节，chronyd 读到这里就认为这一行结束了
       *[full-width] 全角的“{ $char }”（{ $code }），而不是 ASCII 的“{ $ascii }”
    }：chronyd 把它当作 { $directive } 的值的一部分，这个值指向的就不是看上去的那个。{ $kind ->
        [bom] 请将文件另存为不带字节序标记（BOM）的 UTF-8 编码。
       *[other] 请用 ASCII 字符重新输入。
    }
lint-utf16-file = 文件是 UTF-16 编码（Windows 编辑器的“Unicode”格式）：chronyd 每行只读到第一个零字节，将拒绝启动（"Invalid directive"）。请另存为 UTF-8（或 ANSI/ASCII）编码。
lint-not-text = 这不是文本文件，而是二进制数据，不是 chrony.conf：chronyd 将拒绝启动（"Invalid directive"）。请确认选的是不是这个文件。
lint-refclock-device-optional = 本机上不存在 { $path }：此参考时钟设为 optional，chronyd 会启动，但不使用它（“Could not initialise refclock”）。
lint-minsources-unreachable = minsources { $minsources } 要求的可选时间源多于本文件最多能提供的数量（{ $count }）：chronyd 永远不会根据时间源更新时钟。请减小 minsources 或增加时间源。
lint-orphan-waits = chrony { $version } 在设置 orphan 而没有 waitunsynced 时，未同步期间（包括每次启动后）要等 { $seconds } 秒才提供本地时钟：这 { $seconds } 秒内客户端看到它未同步。加上“waitunsynced 0”可立即提供时间，与旧版 chrony 相同。
lint-pidfile-off = 从 chrony 4.6 起，“pidfile /”表示不使用 PID 文件；chronyd { $version } 会尝试删除 /，并拒绝启动（“Could not remove /”）。请给出 PID 文件路径，或删除这一行。
lint-path-untrusted = 以 root 启动的 chronyd 会使用 { $value }，但{ $why ->
        [owner] { $path } 属于 { $owner }
        [special] { $path } 不是普通文件或目录
        [loop] { $path } 经过的符号链接过多
       *[writable] 除所有者以外的用户可以写入 { $path }
    }：能修改它的人就能让 chronyd 按他们的设置运行。这样的路径及其上层的每个目录都必须属于 root（chronyd 写入的位置也可属于 chronyd 自己的用户），并且只有所有者可写；include、confdir、sourcedir 读取的目录即使尚无匹配的文件也必须如此。系统模式下 Stratum 的辅助进程会拒绝这份配置。
lint-path-untrusted-file = 以 root 启动的 chronyd 会使用 { $value }，但{ $why ->
        [owner] { $path } 属于 { $owner }
        [special] { $path } 不是普通文件或目录
        [loop] { $path } 经过的符号链接过多
       *[writable] 除所有者以外的用户可以写入 { $path }
    }：能修改它的人就能让 chronyd 按他们的设置运行。这样的路径及其上层的每个目录都必须属于 root（chronyd 写入的位置也可属于 chronyd 自己的用户），并且只有所有者可写；include、confdir、sourcedir 读取的目录即使尚无匹配的文件也必须如此。chronyd 本身会照常启动；系统模式下 Stratum 的辅助进程会拒绝这份配置。
lint-control-character = 此行含有控制字符（{ $char }），chronyd 会把它当作名称或路径的一部分。请删除它。
lint-auth-required-none-authenticated = “authselectmode require”会给所有没有“key”或“nts”的 NTP 时间源加上 noselect，而这里的 { $count } 个时间源都没有：chronyd 永远不会同步（chrony.conf(5)，authselectmode）。请给时间源加上“key”或“nts”，或改用“authselectmode mix”。
lint-auth-required-plain-noselect = { $hosts } 没有“key”或“nts”，而“authselectmode require”会给所有未认证的 NTP 时间源加上 noselect 选项（chrony.conf(5)，authselectmode）：这 { $count } 个时间源永远不会被选中，不能作为已认证时间源的备用。请给它们加上“key”或“nts”，或在允许它们顶替时改用“authselectmode mix”。
lint-auth-mix-required = { $hosts } 是{ $count ->
        [1] 唯一的
       *[other] { $count } 个
    }已认证的时间源，另有 { $plain } 个时间源没有“key”或“nts”。{ $mode ->
        [prefer] 在“authselectmode prefer”下，只要有一个时间源经过认证，chrony.conf(5) 就会给每个未认证的 NTP 时间源加上 noselect 选项：其他 { $plain } 个时间源永远不会被使用，而在没有已认证的时间源可选时（服务器没有该密钥、没有应答），chronyd 会一直处于未同步状态。
       *[mix] 在默认的“authselectmode mix”下，若同时指定了未认证的时间源，chrony.conf(5) 会给每个已认证的 NTP 时间源加上“require”和“trust”：只要没有一个已认证的时间源可选（服务器没有该密钥、没有应答），这 { $plain } 个未认证的时间源也无法更新时钟，chronyd 会一直处于未同步状态。
    }请为所有时间源配置认证；如果其他时间源可以替代它，请设置“authselectmode ignore”。
lint-key-missing = 向 { $host } 请求时使用密钥 { $key }，但{ $why ->
        [absent] { $keyfile } 中没有密钥 { $key }
        [unreadable] 密钥文件 { $keyfile } 不存在或无法读取（chronyd 记录“Could not open keyfile { $keyfile }”）
       *[other] 没有 keyfile 指令
    }：chronyd 记录“Key { $key } is missing”，不接受 { $host } 的任何应答（chrony.conf(5)：服务器必须配置相同的密钥）。请把密钥 { $key } 加入密钥文件，或删除“key { $key }”。
lint-maxdistance-unreachable = maxdistance { $value } 微秒低于任何网络时间源所能达到的值：根距离包含到该源往返时间的一半（chrony.conf(5) maxdistance），而局域网的往返时间最短也有几十微秒，因此 chronyd 会拒绝所有 server、pool 和 peer，时钟无法从它们同步。请删去 maxdistance（默认 3 秒）或设为毫秒级的限值。
lint-maxdistance-tight = maxdistance { $value } 毫秒只接受根距离（根延迟的一半加根离散，chrony.conf(5) maxdistance）小于它的时间源。跟随互联网服务器的服务器远于 { $floor } 毫秒：仅 ntp.aliyun.com 一级就约 21 ms（根延迟 15 ms，根离散 14 ms），因此 chronyd 能启动，但会拒绝这样的源，时钟永远不会从它同步。只有在同一局域网内、带自己参考时钟或配置了 local 的服务器才更近。请删去 maxdistance（默认 3 秒），或设为高于 chronyc selectdata 或 ntpdata 显示的各源根距离的值。
lint-maxupdateskew-unreachable = maxupdateskew { $value } ppm 低于 { $floor } ppm，小于网络时间源的频率估计所能达到的偏差（即使经回环地址，几分钟后也只到百分之几 ppm，局域网则大得多）：chrony.conf(5) maxupdateskew 是“判断一个估计是否不可靠到不应使用的阈值”，因此任何估计都不会被使用，tracking 的 Skew 一直为 1000000 ppm，根离散度增长到数秒。请删去它（默认 1000 ppm）或设为 10 到 100 ppm（chrony.conf(5) 为有线和无线网络建议的值）。
lint-maxdelay-unreachable = { $host } 的 maxdelay { $value } 微秒比任何网络往返时间都短（局域网最短也有几十微秒，不低于 { $floor } 微秒）：chronyd 会忽略延迟更大的每一次测量（chrony.conf(5) { $directive } maxdelay），因此永远不会使用这个源。请删去 maxdelay 或设为毫秒级的限值。
lint-source-offline = { $host } 被标记为 offline：在“chronyc online”（或网络脚本）启用它之前，chronyd 不会轮询它（chrony.conf(5) server offline）。在网络始终可用的机器上请删去此选项。
lint-reserved-name = { $host } 属于 .{ $tld }，这是保留给文档和测试使用的名称（RFC 2606、RFC 6761；.invalid 永远无法解析）：chronyd 会不断尝试解析它，除非本机的 hosts 文件或 DNS 定义了它，否则无法从它获得时间。
lint-duplicate-refid = refid { $refid } 与第 { $line } 行的参考时钟相同：chrony.conf(5) refid 要求每个参考时钟有唯一的参考 ID；chronyd 会启动，但 sources、日志和 lock 选项无法区分这两个时钟。
lint-refid-too-long = { $option } { $value } 超过四个字符：chrony.conf(5) refid 只接受“最多四个 ASCII 字符”；chronyd 将拒绝启动。
lint-sources-not-a-source = chronyd 会在此处忽略“{ $directive }”且不给出任何提示：sourcedir 的 .sources 文件只能包含 server、pool 和 peer 行（chrony.conf(5) sourcedir）。请把它放到 chrony.conf 或 confdir 的文件中。
lint-sources-line-dropped = chronyd 会丢弃这一行 { $directive } 且不给出任何提示（它无法读取“{ $args }”）：在 .sources 文件中无法读取的行会被跳过而不是报错，于是这个时间源就不存在了。
lint-sources-line-unterminated = 这一行没有以换行符结尾（或超过 chronyd 的 2048 字节缓冲区）：chronyd 在此停止读取该 .sources 文件，这一行及其后的行（共 { $lines } 行）都被略去，且不给出任何提示（chrony.conf(5) sourcedir：这类文件的所有行都应以换行符结尾）。请在文件末尾加上换行符。
lint-maxjitter-unreachable = maxjitter { $value } 微秒低于网络时间源的抖动（低于 { $floor } 微秒）：chronyd 测得的时间源抖动（chronyc sourcestats 中的“Std Dev”）即使经回环地址也有 0.1 到 1 µs，局域网则在微秒级以上；抖动更大的源会被当作变化太大而拒绝（chrony.conf(5) maxjitter；chronyc sources 中状态为 ~），因此时钟从不、或只是偶尔从这些服务器同步。请删去 maxjitter（默认 1 秒）或设为毫秒级的限值。
lint-stratum-limits-unreachable = { $case ->
        [min-high] minstratum { $min } 大于 15，而已同步的时间源层级最高为 15
        [max-zero] maxstratum { $max } 只允许层级 0，只有参考时钟是层级 0，NTP 服务器的层级都在 1 以上
       *[crossed] minstratum { $min } 大于 maxstratum { $max }，没有任何层级符合
    }：chronyd 会拒绝所有{ $case ->
        [max-zero] server、pool 和 peer 源
       *[other] 时间源
    }（chrony.conf(5) minstratum 与 maxstratum：时间源的层级必须在两者之间；chronyc selectdata 中状态为 r），时钟永远无法同步。两者的有效范围都是 0 到 15：请删去它们，或让 minstratum 不大于 maxstratum。
lint-maxchange-ignores-start = “maxchange { $offset } 0 …”从第一次时钟更新起就检查每一次更新，而第三个值为负数，chronyd 会永久忽略偏差超过 { $offset } 秒的每一次更新（chrony.conf(5) maxchange；日志中显示“… exceeds the allowed maximum … (ignored)”）。启动时偏差超过 { $offset } 秒的时钟（新机器、RTC 电池没电、长时间断电）永远不会被校正：chronyc sources 显示服务器已被选中（*），而 tracking 一直是 Not synchronised（未同步）。{ $makestep ->
        [none] makestep 也无济于事
       *[other] makestep（第 { $makestep } 行）也无济于事
    }：chronyd 先做 maxchange 检查，再考虑是否步进。请把第二个值设为 1 或更大，让最初的几次更新能校正时钟。
lint-maxchange-exits-at-start = “maxchange { $offset } 0 { $ignore }”从第一次时钟更新起就检查每一次更新：{ $ignore ->
        [0] 第一次偏差超过 { $offset } 秒的更新就会让 chronyd 退出
       *[other] chronyd 会忽略 { $ignore } 次偏差超过 { $offset } 秒的更新，再有一次就退出
    }（chrony.conf(5) maxchange：再出现一次大偏差，chronyd 就会放弃并退出）。启动时偏差超过 { $offset } 秒的时钟会让 chronyd 在启动几秒后就停止运行。{ $makestep ->
        [none] makestep 也无济于事
       *[other] makestep（第 { $makestep } 行）也无济于事
    }：chronyd 先做 maxchange 检查，再考虑是否步进。请把第二个值设为 1 或更大，让最初的几次更新能校正时钟。
lint-polltarget-range = { $host } 的 polltarget { $value } 不在 chrony.conf(5) 给出的有效范围 6 到 60 之内：{ $case ->
        [high] chronyd 只有在持有的该源样本多于目标值时才会延长轮询间隔，而它最多只保留 64 个样本（旧样本不再符合时更少），所以间隔一直停在 minpoll 或其附近：服务器从这个客户端收到的请求最多，估计稳定后间隔也不会变长
        [low] chronyd 一有 { $value } 个样本就把轮询间隔向 maxpoll 延长，因此它的估计所依据的测量更少，对网络抖动的过滤也更少
        [raised] chrony { $version } 会改用 1，几乎立刻把轮询间隔延长到 maxpoll，估计只依据极少的测量（chrony 4.7 及以后会拒绝这一行）
       *[unchecked] chrony { $version } 按原值使用，而轮询调整要除以它，于是间隔会升到 maxpoll，值为 0 时还会随机退回 minpoll（chrony 4.4 到 4.6 改用 1，4.7 及以后会拒绝这一行）
    }。请删去 polltarget（默认 8）或设为 6 到 60。
lint-samples-capped = { $option } { $value } 超过 { $max } 的部分不起作用：chronyd 对每个时间源最多保留 { $max } 个样本，所以它的效果等于 { $max }（chrony.conf(5) 给出的有效范围是 4 到 64）。请设为 { $max } 或更小。
lint-source-port-zero = { $host } 的 port 0：没有服务器在端口 0 上应答（chrony.conf(5) { $directive } port：“服务器接收 NTP 请求的 UDP 端口”）。chronyd 接受它且不给出任何提示，但系统拒绝向端口 0 发送数据包，所以没有请求发出，这个源一直不可达（Reach 为 0）。使用标准端口 123 时请删去 port，否则请填写服务器实际监听的端口。
lint-sourcedir-missing = 目录 { $path } 不存在：chronyd 会启动且不给出任何提示，但不会从中载入任何时间源（chrony.conf(5) sourcedir 读取其中的 *.sources 文件）。目录存在后，执行“chronyc reload sources”时它会再次读取。请检查路径，或创建该目录。
lint-log-no-logdir = “log { $logs }”不会写出任何文件：没有 logdir，而 chronyd 只把日志文件写在 logdir 指定的目录里（启动时提示“logdir not specified”）。请添加一行 logdir，例如“logdir /var/log/chrony”。
lint-source-brackets = { $host } 是加了方括号的 IPv6 地址：chrony.conf 中的地址不加方括号，chronyd 会把带方括号的写法当作一个永远解析不了的主机名，而且不报错，所以这个时间源永远不会被使用。请写成“{ $bare }”。
lint-source-zone = “{ $host }”是带网络接口的链路本地地址：chrony 的时间源地址不保存接口，因此 chronyd 会把整段文本当作主机名解析，解析失败时记录“Invalid host { $host }”并丢弃该时间源；即使能解析，接口也会丢失。参见 chrony.conf(5) 的 bindacqdevice：写成“server { $bare }”加上“bindacqdevice { $zone }”（仅 Linux），或改用服务器的全局地址或唯一本地地址（fd00::/8）。
lint-access-overridden = “{ $directive }”取消了第 { $line } 行的“{ $earlier }”：“allow all”或“deny all”会覆盖之前所有针对其范围内子网的 allow 或 deny，那一行不再生效。请把那一行移到这一行之后，或者这一行不写“all”（不带“all”的 { $kind } 会保留之前范围更小的规则）。
lint-source-host-port = “{ $host }”不是“地址加端口”：chronyd 把它整个当作主机名，而这个名字永远解析不了，所以这个时间源永远不会被使用（chronyd 照常启动，不报错；“chronyc sources”为空，“chronyc activity”显示有一个地址未知的源）。chrony.conf(5) { $directive }：端口要用 port 选项指定。请写成“{ $directive } { $name } port { $port }”（123 是默认端口，可以省略）。
lint-leapsectz-no-leaps = 时区 { $zone } 不含闰秒：chronyd 会检查其中是否存在 2008 年 12 月 31 日 23:59:60，检查失败时记录“Timezone { $zone } failed leap second check, ignoring”，不从中取得任何闰秒。chrony.conf(5) leapsectz：通常应使用 right/UTC 时区。请写成“leapsectz right/UTC”。
lint-makestep-limit-fraction = makestep { $threshold } { $limit }：限值是时钟更新的次数，chronyd 把“{ $limit }”读成 { $read }，因此只有偏差超过 { $threshold } 秒时才步进时钟，{ $when ->
        [never] 而且永远不会步进
        [always] 任何一次更新都可以
        [once] 而且只在第一次更新时
       *[first] 而且只在前 { $read } 次更新时
    }（chrony.conf(5)：makestep 阈值 限值，先写以秒计的阈值）。{ $swapped ->
        [yes] 两个参数看起来写反了：要在前 { $threshold } 次更新时以 { $limit } 秒为阈值，请写成“makestep { $limit } { $threshold }”。
       *[other] 请把限值写成整数。
    }
lint-smoothtime-serves = 为客户端提供时间的机器上使用了不带 leaponly 的 smoothtime：客户端得到的是平滑后的时间，而不是 chronyd 对真实时间的最佳估计。chrony.conf(5) smoothtime 特别警告：这样的服务器有意不提供它对真实时间的最佳估计；同时轮询其他服务器的客户端可能把它判为错误时间源（falseticker）。请加上“leaponly”，只平滑闰秒；或者只在客户端只轮询本服务器时使用 smoothtime。
lint-cmdport-off-cmd-lines = cmdport 0：chronyd 不打开 UDP 命令端口，所以 cmdallow、cmddeny 和 bindcmdaddress 这些行（{ $lines }）不起作用；chronyc 只能通过本机套接字工作。请删除这些行，或删除 cmdport 0 以便从其他主机监控。
lint-maxsamples-one = maxsamples 1 会关闭频率跟踪，每个时间源有一个样本就可被选用：chrony.conf(5) 说明它用于 chronyd -q 或 -Q（校准一次后退出）。持续守时的守护进程应不写 maxsamples，或设为 4 到 64。
lint-dir-file-skipped = { $directive } 只读取 { $dir } 中的 *.{ $ext } 文件：chronyd 会跳过 { $file } 且不给出任何提示，其中的{ $directive ->
        [sourcedir] server、pool 和 peer 行
       *[other] 指令
    }永远不会生效（chrony.conf(5) { $directive }：这些文件以 .{ $ext } 为后缀）。请把它改名为以 .{ $ext } 结尾，或删除它。
lint-no-sources-read = chronyd 读取的所有文件（包括 sourcedir 和 confdir 中的文件）都没有 server、pool、peer 或 refclock 行，因此它没有可跟随的时间源：{ $local ->
        [yes] 它只对外提供本机自由运行的时钟（local stratum），永远不会同步
       *[no] 它永远不会同步，也不提供任何时间
    }。请添加一行 server 或 pool，或在该目录中放入名称正确的文件。
lint-duplicate-source-file = { $host } 已经是 { $file } 第 { $line } 行的时间源；chronyd 只添加一次，这一行不起作用。
lint-port-wraps = { $option } { $value } 不是有效端口（0 到 65535）：chrony { $version } 接受它且不给出任何提示，只保留低 16 位，所以 chronyd 实际使用端口 { $used }（{ $value } 除以 65536 的余数），这一行并没有按所写的生效。chrony 4.7 及以后的版本会拒绝它。请写出想用的端口（0 到 65535）。
lint-number-prefix = { $directive }“{ $value }”：chronyd 只读取这个词开头的数字，其余部分被忽略且不给出任何提示，所以实际使用 { $directive } { $used }。{ $case ->
        [comma] 是否误用了逗号作小数点？chrony 的小数用点号：“{ $directive } { $meant }”。
       *[other] 请只写一个数字。
    }
lint-leapsectz-missing = 本机没有时区 { $zone }（不存在 { $dir }/{ $zone }）：chronyd 会记录“Timezone { $zone } failed leap second check, ignoring”，完全没有闰秒信息。这是在运行 Stratum 的机器上检查的；如果这份配置用于另一台主机，请在那台主机上检查。chrony.conf(5) leapsectz：时区必须包含闰秒，例如“leapsectz right/UTC”。
lint-maxclockerror-high = maxclockerror { $value } ppm 远高于 chrony.conf(5) 给出的典型值：“低质量时钟约为 10，高质量时钟约为 0.1”（默认值为 1）。两次时钟更新之间每过一秒，chronyd 都会把根离散度（root dispersion）增加 { $ms_per_s } 毫秒，所以客户端会认为这台服务器的精度差得多。请确认这个值是否按 ppm 填写。
lint-driftfile-missing-directory = driftfile 的目录 { $path } 在本机上不存在：chronyd 能启动，但每次更新漂移时都会记录“Could not open … drift.tmp”，频率永远不会保存，因此每次重启都要重新稳定（chrony.conf(5) driftfile：该文件让 chronyd 启动时就有对时钟速率的良好估计）。请创建该目录，或给出使用此文件的机器上存在的路径。
lint-logdir-uncreatable = chronyd 在本机上无法建立 logdir { $path }：{ $blocker } 挡在路径上（它是文件，或是内核文件系统 /proc、/sys 中的目录，那里不能建立目录）。chronyd 能启动，但会记录“Could not create directory { $path }”（或“{ $blocker } is not directory”），然后记录“Could not open { $path }/… .log”，log 指令要求的日志一个也不写。请给出最近的已有上级是磁盘上目录的 logdir，例如 /var/log/chrony。
lint-maxupdateskew-negative = maxupdateskew { $value } 为负数：chronyd 不作任何提示，直接使用其绝对值（{ $used } ppm；reference.c 取 fabs）。chrony.conf(5) maxupdateskew 是以 ppm 为单位的阈值，默认 1000：请写出你想要的正值，或删去这一行。
lint-logbanner-negative = logbanner { $value }：chronyd { $version } 不作任何提示地接受它，但把它当作一个极大的无符号数来比较，所以标题行只在每个日志文件开头写一次，之后再也不会重复（chronyd 4.7 及以后拒绝此值）。chrony.conf(5) logbanner：“默认为 32，设为 0 可完全关闭”：请给出正数，或 0。
lint-orphan-waits-unknown = 从 chrony 4.7 起，设置 orphan 而没有 waitunsynced 的服务器在未同步期间（包括每次启动后）要等 { $seconds } 秒才提供本地时钟。这里不知道运行的是哪个 chronyd：若是 4.7 或更新的版本，加上“waitunsynced 0”可立即提供时间。
