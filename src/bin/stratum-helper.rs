//! The privileged helper. Its supervisor, cmdmon client and IPC server are
//! still to come; until then it explains itself and exits.

fn main() -> std::process::ExitCode {
    let lang = stratum::i18n::Lang::from_env();
    let tr = stratum::i18n::Localizer::new(lang);
    eprint!("{}", tr.tr("helper-usage"));
    std::process::ExitCode::from(2)
}
