//! The integration tests: one binary (one link of the library) with a module
//! per area. Tests that need chronyd run against every supported release.

#[path = "../common/mod.rs"]
mod common;

mod alerts;
mod allow_refused;
mod attack_chrony;
mod attack_peers;
mod attack_users;
mod cli_config;
mod cli_errors;
mod cli_help;
mod cmdmon_vs_chronyc;
mod dashboard;
mod direction;
mod explain;
mod explain_languages;
mod explain_select;
mod export;
mod export_bundle;
mod export_devices;
mod export_invalid;
mod export_lint;
mod fleet;
mod fuzz;
mod gpsd;
mod helper_apply;
mod helper_hostile;
mod helper_lab;
mod helper_system;
mod i18n_parity;
mod labs;
mod labs_prefer;
mod leap;
mod lint_rules;
mod lint_vs_chronyd;
mod live_explain;
mod live_findings;
mod live_replies;
mod names;
#[cfg(feature = "gui")]
mod notify;
mod nts;
mod pair;
mod pastes;
mod refclock;
mod releases_helper;
mod roles;
mod roster;
mod roster_doors;
mod roster_ntpd;
mod roundtrip;
mod ssh;
mod stats;
mod stats_records;
mod structure;
mod unit_sandbox;
mod untrusted;
mod window;
