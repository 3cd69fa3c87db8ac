# 命令行文字。

cli-lint-summary = { $errors } 个错误，{ $warnings } 个警告，{ $hints } 个提示（按 chrony { $version } 的规则）。
cli-missing-value = 选项 { $option } 需要一个值。
cli-missing-option = 必须给出选项 { $option }。
cli-unknown-option = 未知选项 { $option }，请参阅“stratum --help”。
cli-unexpected-argument = 多余的参数“{ $argument }”，请参阅“stratum --help”。
cli-unexpected-value = 选项 { $option } 不接受值。
cli-not-unicode = 参数“{ $argument }”不是有效的 UTF-8 文本。
cli-usage = 命令行无效（{ $detail }），请参阅“stratum --help”。
cli-unknown-command = 未知命令“{ $command }”，请参阅“stratum --help”。
cli-bad-lang = 未知语言“{ $value }”：请使用 en 或 zh-CN。
cli-bad-format = 未知格式“{ $value }”：请使用 text 或 json。
cli-bad-version = “{ $value }”不是 chrony 版本号（例如 4.3）。
cli-version-too-old = Stratum 掌握 chrony { $oldest } 及更新版本的配置规则；{ $version } 更旧，配置语言不同。请在那台机器上用“chronyd -p -f 文件”检查该文件。
cli-version-installed-too-old = 已安装的 chronyd 是 { $version }，早于 Stratum 掌握规则的最旧版本 { $oldest }：按 { $oldest } 的规则检查该文件。
cli-version-newer = chrony { $version } 比 Stratum 掌握规则的版本（最新到 { $newest }）更新：按 { $newest } 的规则检查该文件，{ $newest } 之后新增的指令会报告为未知。
cli-missing-file = 请指定一个 chrony.conf 文件。
cli-cannot-read = 无法读取 { $path }：{ $reason }。
cli-cannot-write = 无法写入 { $path }：{ $reason }。文件未被修改。
os-error = { $os-error ->
        [not-found] 文件或目录不存在
        [permission-denied] 权限不足（当前用户无权打开它）
        [is-a-directory] 这是一个目录，不是文件
        [not-a-directory] 路径中有一部分不是目录
        [not-regular] 它不是普通文件（不会读取管道、设备或目录）
        [too-large] 文件大于此类文件应有的大小
        [invalid-data] 内容不是文本（UTF-8）
        [symbolic-link] 这是一个符号链接，此处不跟随符号链接
        [read-only] 文件系统是只读的
        [storage-full] 磁盘已满
        [already-exists] 它已经存在
       *[other] 系统报告：{ $os-detail }
    }
cli-orphan-needs-stratum = --orphan 需要与 --local-stratum N 一起使用。
cli-bad-stratum = 本地层级必须是 1 到 15 的整数，而不是“{ $value }”。
cli-source-empty = 要添加的服务器为空：请给出主机名或地址，然后是选项。
cli-source-control = 服务器“{ $value }”包含换行或控制字符，未做任何修改。
cli-source-bad-host = “{ $host }”不是主机名或 IP 地址。
cli-source-invalid = chrony 会拒绝时间源“{ $value }”：{ $reason }
cli-subnet-empty = 网段为空。
cli-subnet-syntax = “{ $value }”不是网段：请写成 10.0.0.0/24、fd00::/64 或 192.168.1 的形式。
cli-subnet-prefix = “{ $value }”不是有效网段：前缀最多为 /{ $max }。
cli-remove-none = 文件中没有名为 { $host } 的时间源，未删除任何内容。
cli-bad-distance = local 的 distance 必须是大于或等于 0 的秒数，而不是“{ $value }”。
cli-set-not-single = { $directive } 不是文件中只出现一次的指令：时间源、访问规则和 local 请使用 --add-server、--allow、--deny 或 --local-stratum。
cli-set-invalid = chrony 会拒绝“{ $line }”：{ $reason }未做任何修改。
fleet-host = 主机
fleet-stratum = 层级
fleet-reference = 参考源
fleet-offset = 偏移（秒）
fleet-frequency = 频率（ppm）
fleet-state = 状态
fleet-ok = 有应答
fleet-waiting = 尚未轮询
cli-bad-connect = --connect 需要 ssh://[用户@]主机[:端口][/套接字]（不含空格、引号或选项），而不是“{ $value }”。

cli-bad-role = 未知角色“{ $value }”：请用 isolated、upstream、client 或 pair。
cli-role-input = { $reason }
fleet-error-chronyd-timeout = 其命令端口（UDP 323）没有应答：那里没有运行 chronyd、关闭了“cmdport”、防火墙丢弃了请求，或者“cmdallow”没有放行本主机
fleet-error-chronyd-unreachable = 无法到达：没有到它的路由，或地址错误
fleet-error-chronyd-protocol = 应答不是 chronyd 的应答（或声称的数量超出 chronyd 的上限）
fleet-error-chronyd-not-authorised = 拒绝本主机：请在它上面添加“cmdallow 地址”（以及可达的“bindcmdaddress”）
fleet-error-chronyd-refused = 拒绝了监视请求
fleet-error-watch-unresolved = 域名无法解析

cli-bad-ntpd-version = “{ $value }”不是 ntpd 版本号（请写成 4.2.6 这样的形式）。

nts-no-name = 请给出客户端访问服务器所用的名称或地址（--name）。
nts-too-many-names = 一张证书的名称太多。
nts-bad-name = “{ $value }”不是主机名或 IP 地址。
nts-bad-certificate = 该文件中没有 PEM 证书。
nts-bad-key = 该文件中没有 PEM 私钥。
nts-ca-key-mismatch = CA 的私钥与其证书不匹配。
nts-generate-failed = 无法生成证书：{ $value }。
nts-unknown-group = 没有名为“{ $value }”的组。
nts-bad-days = --days 需要整数天数（负数表示已经过期），而不是“{ $value }”。
nts-out-untrusted = { $dir } 不是存放密钥的安全位置：{ $why ->
        [owner] { $path } 属于 { $owner }
        [special] { $path } 不是普通文件或目录
        [loop] { $path } 经过的符号链接过多
       *[writable] 除所有者以外的用户可以写入 { $path }
    }。证书和密钥只能放在属于你或 root、且其他人都不能写入的目录中，其上层的每个目录也必须如此。未写入任何文件。
nts-wrote = 已写入 { $path }
nts-backup = 原文件已保留为 { $path }
nts-lines-server = NTS 服务器的 chrony.conf：
nts-lines-client = 其客户端的 chrony.conf（需把 ca.crt 复制到每台客户端）：
nts-renew-restart = chronyd 在启动时读取新证书：请重启它（点击“续期”时辅助进程会自动重启）。
nts-cert-valid-until = { $path }：适用于 { $names }，有效期至 { $date }（还剩 { $days } 天）。
nts-cert-expiring = { $path }：适用于 { $names }，有效期至 { $date }（还剩 { $days } 天）。它将在 { $warn } 天内到期：请现在续期（stratum nts renew）并安装新证书，因为到期后 NTS 客户端会拒绝它。
nts-cert-expired-on = { $path }：适用于 { $names }，已于 { $date } 过期（{ $days } 天前）。
nts-cert-not-yet-valid = { $path }：适用于 { $names }，尚未生效：有效期从 { $from }（{ $days } 天后）至 { $date }，在此之前 NTS 客户端会拒绝它。
leap-list-valid-until = 闰秒列表 { $path }：有效期至 { $date }（还剩 { $days } 天）。
leap-list-expired-on = 闰秒列表 { $path }：已于 { $date } 过期（{ $days } 天前）；请更新 tzdata（或该文件）并重启 chronyd。
leap-list-unusable = 闰秒列表 { $path }：chronyd 无法使用它（见 stratum config lint）。
leap-list-next = 列表中的下一个闰秒：在 { $date }（UTC）结束时{ $kind ->
        [insert] 插入一秒
       *[delete] 删除一秒
    }。
leap-pending = 闰秒即将到来：在 { $date } UTC 结束时{ $kind ->
        [insert] 插入一秒
       *[delete] 删除一秒
    }，还有 { $hours } 小时 { $minutes } 分钟。
refclock-progress = 样本 { $n }/{ $total }：{ $refid } { $clock } 毫秒，{ $against } { $trusted } 毫秒
refclock-result = { $refid } 对比 { $against }：{ $samples } 个样本，差值中位数 { $median } 毫秒（四分位距 { $iqr } 毫秒，范围 { $min } 至 { $max } 毫秒）。建议 offset 为 { $offset } 秒（当前 { $current } 秒）：
refclock-after = 修改之后：{ $refid } 对比 { $against }，{ $samples } 个样本的差值中位数为 { $median } 毫秒。
refclock-not-configured = 辅助进程的配置中没有 refid 为 { $refid } 的参考时钟（refclock 的 refid 选项，或其默认值，例如 SHM0）。
refclock-no-samples = { $refid } 在 { $seconds } 秒内只得到 { $count } 个可与可信源配对的样本：它是否在运行？是否有其他时间源被选中（或用 --against 指定）？
gpsd-version = gpsd { $release }，位于 { $host }
gpsd-no-devices = gpsd 没有读取任何接收机：设备是否已交给 gpsd（/etc/default/gpsd 中的 DEVICES）并已接好？
gpsd-device = { $path }（{ $driver }）：{ $fix ->
        [3] 三维定位
        [2] 二维定位
       *[other] 未定位
    }，使用 { $seen } 颗卫星中的 { $used } 颗，{ $pps ->
        [yes] 检测到 PPS
       *[no] 未检测到 PPS
    }
gpsd-refclocks = 使用 gpsd 时间的 chrony.conf 配置行（SHM 编号是以 root 启动的 gpsd 按读取设备的顺序分配的；以其他用户启动时从 SHM 2 开始。请先启动 chronyd：gpsd 打开其命令行上给出的设备时连接 chronyd 的套接字，之后才加入的设备改在 /tmp 中查找）：
gpsd-no-shm-pty = {"  "}{ $path } 是伪终端（pty：socat、ser2net、gpsfake）：gpsd 不为它分配共享内存段（SHM），不把它的时间交给 chronyd（“在测试环境中运行时不与 NTP 通信”）。要供 chronyd 使用，请把接收机接到串口或 USB 口。
gpsd-no-shm-network = {"  "}{ $path } 是网络数据源：gpsd { $release } 不为它分配共享内存段（SHM），不把它的时间交给 chronyd（gpsd 3.22、3.23 及 3.25 起会分配一个）。
gpsd-no-shm-ntrip = {"  "}{ $path } 是 NTRIP 播发的差分改正数据，不是时间：gpsd { $release } 不为它分配共享内存段（SHM）。
gpsd-no-shm-file = {"  "}{ $path } 是文件或管道：gpsd { $release } 不为它分配共享内存段（SHM），不把它的时间交给 chronyd。
gpsd-no-refclocks = 没有 refclock 配置行：这些接收机的时间 gpsd 都不交给 chronyd。
gpsd-unreachable = gpsd 在 { $host } 无响应（{ $reason }）：gpsd 是否在运行（systemctl status gpsd）？
stats-series = { $series }：{ $n } 个数值，{ $first } – { $last } UTC（{ $unit }）
stats-series-count = { $series }：{ $n } 个数值，{ $first } – { $last } UTC
stats-of-source = { $source } 的 { $series }
stats-sign-local-fast = {"  "}正值：本地时钟偏快（超前），与日志一致
stats-sign-local-slow = {"  "}正值：本地时钟偏慢（落后），与日志一致
stats-records = {"  "}记录：丢弃重复 { $duplicates } 条，乱序 { $reordered } 条，间断 { $gaps } 处
stats-records-all = 全部 { $series } 个序列：丢弃重复 { $duplicates } 条，乱序 { $reordered } 条，间断 { $gaps } 处
stats-never-synchronised = { $path }：chronyd 在全部 { $records } 条记录中都未同步（闰秒状态“?”；chrony.conf(5) log tracking：“? unsynchronised”），因此还没有可统计的数据。
stats-gaps = {"  "}间断（间隔超过通常间隔的 4 倍；重采样间隔 { $usual } 秒）：共 { $seconds } 秒，最长 { $longest } 秒，始于 { $start } UTC
stats-sketched = {"  "}（百分位数与真值相差不超过 ±{ $error } %：该序列的数值多于逐个保留的上限）
stats-progress = 读取中
stats-unreadable = { $path }：有 { $lines } 行既不是记录也不是表头（记录被截断，或某列不是数字），已跳过。
stats-no-estimate = { $path }：有 { $records } 条 tracking 记录写于 chronyd 尚无频率估计时（skew 1000000 ppm，频率 0）：已从频率与 skew 序列中略去，其偏差值保留。
stats-unsynchronised = { $path }：有 { $records } 条 tracking 记录写于 chronyd 未同步时（闰秒状态“?”，chrony.conf(5) log tracking）：其中没有测量值，已略去。
stats-refclock-samples = { $path }：读取的是 refclocks 日志中的滤波样本（序号为“-”），即 chronyd 用于校时的样本；驱动的 { $records } 个原始样本已略去（chrony.conf(5) log refclocks）。
stats-refclock-raw-samples = { $path }：读取的是 refclocks 日志中的原始样本，即驱动自己的测量值（chrony.conf(5) log refclocks：“Local clock error measured by reference clock driver”）；{ $records } 个滤波样本已略去。
stats-dropped = 前 { $max } 个源之外的 { $records } 条记录未读取。
stats-overlapping-logs = { $path } 和 { $other } 都有 { $from } 到 { $to }（UTC）之间的记录，而且记录不同：同一个日志轮转出的各个文件前后相接、从不重叠，保存的副本则逐字重复日志的记录，所以它们看起来是两台主机（或两个 chronyd 进程）的日志，把它们的记录合并成一个序列没有意义。没有进行任何计算：请每次只给 stratum stats 一个 chronyd 的日志。
stats-copied-records = { $path }：有 { $records } 条记录与给出的另一个文件中同一时间的记录逐字相同（同一个 chronyd 日志的副本）：作为重复记录丢弃，每条记录只读取一次。
stats-same-file = { $path } 与 { $other } 是同一个文件：只读取一次。
stats-other-log = { $path } 是 chronyd 的 { $log } 日志；stratum stats 读取 tracking、measurements、statistics、refclocks 日志以及 Stratum 导出的 CSV。
stats-compressed = { $path } 是压缩文件（{ $format }）：请先解压（zcat、xzcat、bzcat 或 zstdcat）。
stats-utf16 = { $path } 是 UTF-16 文本：请先另存为 UTF-8（或 ASCII）。
stats-stats-csv = { $path } 是 stratum stats 输出的统计结果，不是序列。
stats-deviations-head = {"  "}       τ/秒     OADEV [68 % 区间]             MDEV       TDEV  噪声
stats-noise-white-pm = 白相位噪声
stats-noise-white-fm = 白频率噪声
stats-noise-flicker-fm = 闪烁频率噪声
stats-noise-random-walk-fm = 随机游走频率噪声
stats-not-a-file = { $path } 不是普通文件（而是 FIFO、设备或目录）：stratum stats 只读取普通文件。
stats-no-series = { $path } 是 { $log } 日志，其中没有 { $series } 列；它有这些序列：{ $have }。
stats-bad-series = “{ $value }”不是可用的序列：{ $series }（stratum stats --help 列出每种日志的序列）。
stats-unknown-file = { $path } 既不是 chronyd 日志（tracking、measurements、statistics、refclocks），也不是 Stratum 导出的 CSV：开头几行都不是这类记录。
stats-empty = 文件中没有找到 { $series } 的数值。
stats-label-min = 最小值
stats-label-p1 = 1%
stats-label-p5 = 5%
stats-label-p50 = 50%
stats-label-p95 = 95%
stats-label-p99 = 99%
stats-label-max = 最大值
stats-label-range90 = 90% 范围
stats-label-range98 = 98% 范围
stats-label-mean = 均值
stats-label-sd = σ
stats-label-skewness = 偏度
stats-label-kurtosis = 超额峰度

## 命令行帮助（标题的冒号见 cli-heading-line，中文用全角“：”）：src/cli/args.rs 与 src/helper/cli.rs 中声明的文字
## （cli-about-命令、cli-arg-命令-选项、共用的 cli-arg-选项、说明 cli-after-命令）。
cli-heading-usage = 用法：
cli-heading-options = 选项
cli-heading-arguments = 参数
cli-heading-commands = 命令
cli-heading-line = { $heading }：
cli-arg-help = 显示本帮助
cli-arg-version = 显示版本
cli-arg-lang = 消息和帮助的语言（默认跟随区域设置；LANG=zh_CN.UTF-8 为中文）
cli-arg-socket = 辅助进程的套接字（默认：先系统辅助进程，再你的实验环境）
cli-arg-connect = 另一台机器上的辅助进程：用 ssh -T（或 $STRATUM_SSH）在那里运行 stratum-helper --stdio 连接
cli-arg-json = 输出 JSON
cli-arg-format = 输出格式
cli-about-stratum = Stratum — chrony 时间服务器控制面板。不带命令时打开窗口（连接辅助进程，或启动实验环境）。
cli-after-stratum = 用“stratum 命令 --help”查看各命令的详细说明。
cli-about-help = 显示本帮助
cli-about-config = 检查、编辑、应用和生成 chrony.conf
cli-about-config-lint = 检查 chrony.conf：错误（chronyd 会拒绝）、警告和提示
cli-after-config-lint =
    按已安装 chronyd（或 --chrony-version 指定的版本）的规则检查 chrony.conf 及其包含的文件：错误是 chronyd 会拒绝的内容，警告是不会按你的意图生效的内容，提示是可以改进之处。给出两个文件时，还会把它们作为一对对等服务器比较。
    退出码 0：没有错误（允许有警告）；1：发现错误；2：无法读取文件或用法错误。
cli-arg-config-lint-files = 要检查的 chrony.conf 文件
cli-arg-config-lint-chrony-version = 按这个 chrony 版本的规则检查，而不是已安装的版本
cli-about-config-edit = 编辑 chrony.conf：只有被编辑的行会变化
cli-after-config-edit =
    输出编辑后的文件（--in-place 以原子方式写回，并保留 文件.bak）；没有任何编辑时逐字节原样输出。各项编辑按给出的顺序执行。--local-stratum、--orphan 和 --distance 只修改 local 行中指定的部分；--set 替换文件中只出现一次的指令的生效行（bindaddress、bindacqaddress 和 bindcmdaddress 按地址族各一次）。错误的输入会被拒绝，退出码为 2，且不写入任何内容；要删除的时间源不存在时也是如此。
cli-arg-config-edit-file = 要编辑的 chrony.conf
cli-arg-config-edit-add-server = 添加 server 行（主机及其选项，写法同 chrony.conf）
cli-arg-config-edit-add-pool = 添加 pool 行
cli-arg-config-edit-add-peer = 添加 peer 行
cli-arg-config-edit-remove-server = 删除该主机的时间源
cli-arg-config-edit-allow = 向该网段或地址提供 NTP 服务
cli-arg-config-edit-deny = 拒绝该网段或地址的 NTP 请求
cli-arg-config-edit-local-stratum = 没有选中时间源时以该层级（1 到 15）提供本地时钟
cli-arg-config-edit-orphan = local 使用孤儿模式（同层级的服务器共同选出其中一台）
cli-arg-config-edit-no-orphan = local 不使用孤儿模式
cli-arg-config-edit-distance = local 行的 distance（秒，不小于 0）
cli-arg-config-edit-makestep = 在最初 LIMIT 次更新中，时钟偏差超过 THRESHOLD 秒时直接跳变（-1：始终）
cli-arg-config-edit-log = chronyd 记录的日志（tracking、measurements、statistics 等）
cli-arg-config-edit-set = 设置文件中只出现一次的指令（指令名及其参数）
cli-arg-config-edit-unset = 删除文件中只出现一次的指令
cli-arg-config-edit-in-place = 写回文件（保留 文件.bak），而不是输出
cli-about-config-apply = 把 chrony.conf 交给运行中的辅助进程（检查、备份、应用）
cli-after-config-apply =
    把文件交给正在运行的辅助进程：检查、chronyd 自身的检查、备份、原子写入、通过 chrony 控制协议在线修改或重启，chronyd 起不来时逐字节回滚。只有应用成功时退出码才为 0。
cli-arg-config-apply-file = 要应用的 chrony.conf
cli-about-config-init = 输出某个实验角色的 chrony.conf，与引导设置写出的相同
cli-after-config-init =
    角色：
      isolated   向 --subnet 提供它自己的时钟
      upstream   跟随每个 --upstream，并为 --subnet 提供时间（上游都不可用时使用自己的时钟）
      client     跟随实验服务器 --server
      pair       主备服务器中的一台：--upstream、--subnet，以及另一台 --peer
      gps        一级服务器：gpsd 从 --gps-device 读到的时间（gpsd 读取的第一台接收机，接在串口或 USB 口上，其时间在 SHM 0 中），
                 chronyd 直接读取 --pps-device 的内核 PPS 并锁定到它，每个 --upstream 作为校验，
                 并为 --subnet 提供时间
    结果按已安装 chronyd 的规则检查（结果写到标准错误）。
    退出码 0：已输出；1：结果中有 chronyd 会拒绝的错误；2：输入错误。
cli-arg-config-init-role = 实验角色
cli-arg-config-init-upstream = 要跟随的上游服务器（可重复）
cli-arg-config-init-subnet = 要提供服务的网段（可重复）
cli-arg-config-init-server = 客户端跟随的实验服务器（可重复）
cli-arg-config-init-peer = 主备服务器中的另一台
cli-arg-config-init-gps-device = gpsd 读取的 GPS 接收机设备
cli-arg-config-init-pps-device = PPS 设备
cli-arg-config-init-nmea-fallback = 使用 PPS 时：PPS 消失后允许选用 NMEA 时间
cli-about-status = 从运行中的辅助进程获取一次 chronyd 快照，按 chronyc 的样式或 JSON 输出
cli-after-status =
    JSON 中的“system_time”是 chronyd 的修正量（秒）：系统时钟落后于 NTP 时间时为正（chronyc 显示“slow”），超前时为负（“fast”）。
    退出码 0：完整快照，状态正常；1：完整快照，但有告警（或仍在启动）；2：没有辅助进程应答或用法错误；3：chronyd 没有完整应答。
    开头几行（JSON 中的“health”）给出结论：正常、正在启动、警告或严重，以及原因。
cli-about-fleet = 辅助进程监视的每台 chronyd（stratum-helper --watch 主机[:端口]）
cli-after-fleet = 每台的层级、参考源、系统时间（正值表示时钟落后）、频率，以及某台主机为何没有应答。
cli-about-export = 根据实验服务器的 chrony.conf 为服务器、客户端、交换机和防火墙生成配置
cli-after-export =
    --server 是客户端和设备看到的实验服务器地址。格式：
    { $formats }
    --ntpd-version 4.2.6 输出 CentOS 7 的 ntpd 能读取的 ntp.conf（不使用“restrict source”）。
    --nts：chrony 客户端用 NTS 认证服务器（其 ntsport 取自该文件）；--ca 是客户端存放为服务器证书签名的
    CA 的位置（stratum nts init 会将其写为 ca.crt）。文件中有 ntsservercert 时，防火墙规则也会开放 NTS-KE（TCP）。
    目标格式无法表达的内容会作为注意事项写到标准错误。
cli-arg-export-file = 实验服务器的 chrony.conf
cli-arg-export-to = 要输出的格式（见下方列表）
cli-arg-export-server = 客户端看到的实验服务器地址（主备两台时重复）
cli-arg-export-role = chrony-server 和 ntp 导出针对主备中的哪一台
cli-arg-export-peer = 主备服务器中的另一台
cli-arg-export-source-interface = 交换机发送 NTP 所用的接口
cli-arg-export-key = 交换机格式使用的对称密钥
cli-arg-export-vrf = NTP 所在的交换机 VRF
cli-arg-export-ntpd-version = ntp.conf 针对的 ntpd 版本
cli-arg-export-nts = 客户端用 NTS 认证服务器
cli-arg-export-ca = 客户端存放服务器证书 CA 的位置
cli-arg-export-out = 写入该文件，而不是标准输出
cli-about-export-bundle = 根据实验描述生成其中每台服务器、客户端和设备的配置
cli-arg-export-bundle-lab = 实验描述（TOML）
cli-arg-export-bundle-out = 写入配置包的目录
cli-about-export-alerts = 基于 stratum metrics 指标生成 Prometheus 告警规则
cli-after-export-alerts =
    规则：服务器无响应、未同步、层级高于 --max-stratum、时钟偏差超过 --offset-warn 或 --offset-crit、NTP 时间源不可达、参考时钟连续两个轮询周期没有样本、NTS 证书距到期不足 --cert-days 天或已过期、闰秒列表距到期不足 --leap-days 天。
    可用 promtool check rules 文件 检查。
cli-arg-export-alerts-to = 规则格式：prometheus，唯一的格式，也是默认值
cli-arg-export-alerts-offset-warn = 时钟偏差超过此值（秒）时警告（默认 0.1）
cli-arg-export-alerts-offset-crit = 时钟偏差超过此值（秒）时严重告警（默认 1）
cli-arg-export-alerts-max-stratum = 层级高于此值时警告（默认 10）
cli-arg-export-alerts-cert-days = NTS 证书到期前多少天警告（默认 30）
cli-arg-export-alerts-leap-days = 闰秒列表到期前多少天警告（默认 30）
cli-arg-export-alerts-silent-minutes = 服务器多少分钟无响应时告警（默认 5）
cli-arg-export-alerts-out = 写入该文件，而不是标准输出
cli-about-explain = 解释 chronyc、ntpq、ntpstat、timedatectl 或交换机 NTP 输出
cli-after-explain =
    读取粘贴的 chronyc（文本和 -c）、ntpq、ntpstat、timedatectl 以及思科 IOS/NX-OS、华为 VRP、新华三 Comware、Junos 和 Arista EOS 的 NTP 命令输出；说明每个字段，判断每个值，并指出问题及解决办法。包含多段输出的粘贴（例如“stratum status”）会逐段读取；此时 --format json 输出一个数组。
    “chronyc clients”的输出还会对照设备名单（--roster，否则使用实验室已有的名单）来读：哪些应有的设备在请求时间、哪些没有、哪些客户端不认识。
cli-arg-explain-roster = 对照读取客户端列表的设备名单（默认：实验室已有的名单）
cli-about-roster = 应当跟随本服务器的设备，以及每台设备是否跟随
cli-after-roster =
    保存在服务器的 chrony.conf 旁边（stratum.toml）。每台设备：是否向本机请求时间（来自 chronyd 的客户端列表）、是否跟随本机（设备自己的 NTP 应答：层级、参考源、偏差）、是否跟随其他服务器，或者根本没有请求。不带命令时：列出。
    --file：不经助手，直接编辑意图文件（没有结论）。
cli-arg-roster-file = 不经助手，直接编辑此意图文件（没有结论）
cli-about-roster-add = 把设备加入名单
cli-after-roster-add = 地址为 主机、主机:端口 或 [IPv6]:端口（未给出端口时为 NTP 端口 123）。
cli-arg-roster-name = 设备在名单中的名称
cli-arg-roster-add-address = 设备应答 NTP 的地址：主机、主机:端口 或 [IPv6]:端口
cli-arg-roster-kind = 设备运行的软件
cli-about-roster-remove = 把设备从名单中移除
cli-about-roster-list = 名单中的设备，以及每台设备的结论
cli-about-roster-probe = 立即向设备查询时间（4 次，间隔 2 秒；每台设备每分钟最多一次）
cli-arg-roster-probe-name = 要查询的设备（默认：全部设备）
cli-about-roster-import = 加入导出包中的交换机（需有源地址）和服务器地址
cli-arg-roster-import-lab = 导出包的描述文件
cli-arg-explain-file = 要解释的输出（- 或省略：标准输入）
cli-about-metrics = 以当前用户身份在辅助进程之外提供 Prometheus 页面（沿用 chrony_exporter 的指标名）
cli-after-metrics =
    在 http://地址:端口/metrics 提供 Prometheus 文本格式，指标名沿用 chrony_exporter，并带有“server”标签：辅助进程管理的 chronyd 为“local”，它监视的每台 chronyd 为 主机:端口。
    它以启动它的用户身份运行（packaging/stratum-metrics.service 以动态用户运行），内容与辅助进程套接字向该用户提供的相同：服务器统计只对 root、管理组和 chrony 的组可见。
    辅助进程不可达时，页面显示 chrony_up{"{"}server="local"{"}"} 0，并自动重连。
cli-arg-metrics-listen = 提供服务的地址和端口
cli-about-nts = 为 NTS 服务器生成证书，并给出所需的 chrony.conf 配置行
cli-about-nts-init = 生成私有 CA（或使用给定的 CA），并为客户端使用的名称签发服务器证书
cli-after-nts-init =
    写入目录：ca.crt、ca.key（0600）、server.crt、server.key（0600；以 root 运行时为 0640 root:chrony 的组，因为 chronyd 放弃 root 权限后才读取它）。被替换的文件先在旁边备份。输出服务器及其客户端的 chrony.conf 配置行。
cli-arg-nts-init-name = 客户端使用的名称和地址（逗号分隔或重复）
cli-arg-nts-init-ca = 用这个 CA（证书和密钥）签发，而不是新建
cli-arg-nts-out = 证书所在目录
cli-arg-nts-days = 服务器证书的有效天数（默认 365；负数表示已经过期）
cli-arg-nts-group = 可以读取服务器密钥的组（以 root 运行时默认为 chrony 的组）
cli-arg-nts-dump-dir = 输出的配置行中 chronyd 的 ntsdumpdir
cli-arg-nts-ntsport = 输出的配置行中的 NTS-KE 端口
cli-about-nts-renew = 用目录中的 CA 为相同的名称签发新的服务器证书
cli-after-nts-renew = 客户端继续信任它。chronyd 在启动时读取证书：请重启它（设置了 ntsdumpdir 时密钥得以保留，客户端的 cookie 仍然有效）。
cli-about-nts-show = 显示证书的名称和有效期（已过期时退出码为 1）
cli-arg-nts-show-file = 证书（PEM）
cli-about-refclock = 参考时钟
cli-about-refclock-calibrate = 将参考时钟与可信时间源比较，并给出其 offset 选项的建议值
cli-after-refclock-calibrate =
    让参考时钟 REFID（通常为 noselect，例如与 PPS 并用的 NMEA 时钟）与可信时间源并行运行：可信源为当前选中的时间源，或 --against 指定的名称。该时钟的每个新样本都与可信源的最近样本配对；取得 N 个样本后，输出差值的中位数、离散程度，以及加上可消除该差值的 offset 选项后的 refclock 配置行。--apply 通过辅助进程写入该行并再次测量。时间到达较晚的时钟（NMEA）会得到正的 offset。
cli-arg-refclock-calibrate-refid = 参考时钟的 refid
cli-arg-refclock-calibrate-against = 可信时间源（refid、地址或名称；默认：当前选中的）
cli-arg-refclock-calibrate-samples = 样本数（默认 16）
cli-arg-refclock-calibrate-timeout = 超过这么多秒后放弃（默认 600）
cli-arg-refclock-calibrate-apply = 通过辅助进程写入建议的配置行并再次测量
cli-about-gpsd = gpsd 读取的接收机（定位、卫星、PPS）及其 refclock 配置行
cli-after-gpsd =
    在 N 秒内读取 gpsd 的 JSON 报告，列出 gpsd 读取的每台接收机：定位状态、使用的卫星数、是否检测到 PPS；然后给出让 chronyd 使用 gpsd 时间的 refclock 配置行：
    接收机自身（NMEA）的时间取自 gpsd 的共享内存，gpsd 在接收机串口上检测到的 PPS 取自其套接字
    /run/chrony.设备.sock，内核 PPS 设备（它不是接收机）由 chronyd 直接读取并锁定到第一台接收机。
    以 root 启动的 gpsd 按打开设备的顺序分配共享内存段：串口或 USB 口上的接收机两个，一个放时间，
    一个放 PPS（第一台接收机为 SHM 0 和 1，下一台为 SHM 2 和 3），内核 PPS 设备一个，网络数据源
    一个放时间（gpsd 3.24 中没有），伪终端（/dev/pts/N：socat、ser2net、gpsfake）上的接收机没有：
    它的时间到不了 chronyd，输出中会说明。以其他用户启动时，gpsd 从 SHM 2 开始。
    退出码 0：找到接收机；1：gpsd 有响应但没有读取任何接收机；2：gpsd 无响应。
cli-arg-gpsd-host = gpsd 的地址（默认 127.0.0.1:2947）
cli-arg-gpsd-seconds = 监听的秒数（默认 3）
cli-about-stats = chronyd 日志的摘要、百分位数以及 Allan/修正 Allan/时间偏差
cli-after-stats =
    统计 chronyd 的 tracking、measurements、statistics 或 refclocks 日志（文件名不限，含轮转副本，适用于 chrony 4
    各版本：按表头或记录识别每个文件）或 Stratum 导出的 CSV 中的一个序列：ntpviz 摘要（百分位数、90 % 与
    98 % 范围、均值、σ、偏度、超额峰度）、直方图、重复与乱序记录及间断（间隔超过通常间隔的 4 倍），对偏移
    和频率还给出倍频程 τ 上的 OADEV、MDEV、TDEV 及 68 % 置信区间，以及由 ADEV 斜率判断的噪声类型。不均匀
    的更新会先重采样（中位间隔，线性插值），但不跨越间断。任意大小的文件都以固定内存读取两遍（先时间，后
    数值）；数值超过一百万个时，百分位数来自摘要结构，并给出其误差。偏移按各日志原样给出（tracking 与
    statistics：正值表示本地时钟偏快；measurements：正值表示偏慢）。JSON：系统序列在 "series"
    中以名称为键，各源的序列在 "sources" 中先以地址、再以名称为键，名称即命令行所给。
    每种日志的序列，即 chrony.conf(5) 中 log 指令描述的每个数值列（括号中为 chronyd 表头中的列名）：
      tracking      stratum（St）、frequency（Freq ppm）、skew、offset、combined-sources（Co）、
                    std-dev（Offset sd）、correction（Rem. corr.）、root-delay、root-dispersion、
                    max-error（Max. error）
      measurements  stratum（St）、poll（LP）、remote-poll（RP）、score、offset、delay（Peer del.）、
                    dispersion（Peer disp.）、root-delay、root-dispersion
      statistics    std-dev（Std dev'n）、offset（Est offset）、offset-sd（Offset sd）、
                    frequency（Diff freq）、skew（Est skew）、stress、samples（Ns）、
                    start-index（Bs）、runs（Nr）、asymmetry（Asym）
      refclocks     raw-offset（Raw offset，取自原始样本）、offset（Cooked offset）、
                    dispersion（Disp.）
    Stratum 导出的 CSV 以相同名称保存历史序列。
cli-arg-stats-files = chronyd 的日志或 Stratum 导出的 CSV
cli-arg-stats-series = 序列（默认 offset；各日志的序列列在下方）
cli-about-completions = 输出 stratum 的 shell 补全脚本
cli-after-completions = 例如：stratum completions bash > /etc/bash_completion.d/stratum（安装包已自带）。
cli-arg-completions-shell = shell 的种类
cli-about-stratum-helper = 为 Stratum 运行 chronyd、并为窗口和命令行提供服务的特权辅助进程。
cli-after-stratum-helper = 日志写到标准错误（systemd 下由 journald 收集）；RUST_LOG=debug 显示更多信息。
cli-arg-stratum-helper-lab = 运行自己的 chronyd（带 -x，从不修改系统时钟），文件放在用户数据目录，NTP 使用非特权端口（非 root 时的默认模式）
cli-arg-stratum-helper-system = 管理发行版的 chronyd 及其 chrony.conf（root 时的默认模式）
cli-arg-stratum-helper-config = 实验模式：以此 chrony.conf 为起点；系统模式：要管理的 chrony.conf（默认 /etc/chrony/chrony.conf 或 /etc/chrony.conf）
cli-arg-stratum-helper-socket = 辅助进程的套接字（root 时默认 /run/stratum/helper.sock，否则为 $XDG_RUNTIME_DIR/stratum/helper.sock）
cli-arg-stratum-helper-data-dir = 历史数据、备份（实验模式）和实验 chronyd 的文件
cli-arg-stratum-helper-ntp-port = 实验模式：实验客户端使用的 NTP 端口（即实验 chronyd 的 port 指令，默认 11123）
cli-arg-stratum-helper-poll-interval = 两次轮询 chronyd 之间的秒数（默认 1）
cli-arg-stratum-helper-chronyd = 运行哪个 chronyd，并按其版本的规则检查（默认：$STRATUM_CHRONYD、/usr/sbin/chronyd，然后是 PATH）
cli-arg-stratum-helper-own-chronyd = 系统模式：由辅助进程直接运行 chronyd，而不是通过 systemctl
cli-arg-stratum-helper-chronyd-arg = 额外的 chronyd 参数（可重复），例如 --chronyd-arg=-u --chronyd-arg=_chrony
cli-arg-stratum-helper-admin-group = 该组成员可以修改 chrony（系统模式默认：stratum）；就时间而言，该组等同于 root
cli-arg-stratum-helper-allow-path = 系统模式：另外允许 chronyd 在该目录下读写（可重复）
cli-arg-stratum-helper-keep-backups = 保留的 chrony.conf 备份数（默认 20）
cli-arg-stratum-helper-import-logs = 启动时从 chronyd 的日志目录导入历史数据
cli-arg-stratum-helper-watch = 另外通过 UDP cmdmon 监视该 chronyd（可重复；默认端口 323）；它的 cmdallow 必须允许本机
cli-arg-stratum-helper-watch-file = 监视文件中列出的每个 主机[:端口]（每行一个；默认：数据目录中存在的“watch”文件）
cli-arg-stratum-helper-metrics-listen = 提供 Prometheus 指标（沿用 chrony_exporter 的名称，带 server 标签）
cli-arg-stratum-helper-stdio = 把标准输入输出接到 --socket 指定的辅助进程（stratum --connect ssh://… 时由 ssh 运行）
cli-conflict = { $option } 不能与 { $other } 同时使用。
cli-bad-shell = 补全脚本只支持 bash、zsh 或 fish，不支持“{ $value }”。
