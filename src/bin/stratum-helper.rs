fn main() -> std::process::ExitCode {
    stratum::helper::main(std::env::args_os().skip(1).collect())
}
