fn main() -> std::process::ExitCode {
    stratum::cli::run(std::env::args_os().skip(1).collect())
}
