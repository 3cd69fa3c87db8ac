fn main() -> std::process::ExitCode {
    match stratum::cli::run(std::env::args_os().skip(1).collect()) {
        stratum::cli::Run::Exit(code) => code,
        #[cfg(feature = "gui")]
        stratum::cli::Run::Window => stratum::gui::run(),
        #[cfg(not(feature = "gui"))]
        stratum::cli::Run::Window => stratum::cli::run_installed_gui(),
    }
}
