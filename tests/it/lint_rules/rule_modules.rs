//! The unit tests of the rule modules, through `lint()` (a rule module's own
//! tests may not import lint, its parent).

/// The unit tests of `lint/ignored.rs`, through `lint()` (a rule module's own
/// tests may not import lint, its parent).
mod ignored_rules {
    use stratum::core::conf::Document;
    use stratum::core::conf::lint::{LintOptions, Rule, lint};

    fn cancelled(text: &str) -> Vec<(Option<usize>, String)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .filter(|d| d.rule == Rule::AccessOverridden)
            .map(|d| (d.line, d.arg("line").unwrap_or("").to_string()))
            .collect()
    }

    #[test]
    fn only_an_all_line_over_an_earlier_opposite_subnet_cancels_it() {
        // The manual's example: allow all 1.2.0.0/16 overrides the deny of
        // 1.2.3.0/24 within it.
        assert_eq!(
            cancelled("allow 1.2.3.4\ndeny 1.2.3.0/24\nallow all 1.2.0.0/16\n"),
            [(Some(3), "2".to_string())]
        );
        assert!(cancelled("deny 1.2.3.0/24\nallow 1.2.0.0/16\n").is_empty());
        assert!(cancelled("deny 10.0.0.0/8\nallow all 192.168.0.0/16\n").is_empty());
        assert!(cancelled("allow all\ndeny 10.0.0.0/8\n").is_empty());
        assert_eq!(
            cancelled("cmdallow 10.0.0.0/8\ncmddeny all\n"),
            [(Some(2), "1".to_string())]
        );
    }
}

/// The unit tests of `lint/lab.rs`, through `lint()` (a rule module's own
/// tests may not import lint, its parent).
mod lab_rules {
    use stratum::core::conf::Document;
    use stratum::core::conf::lint::{LintOptions, Rule, lint};

    fn rules(text: &str) -> Vec<(Rule, Option<usize>)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .map(|d| (d.rule, d.line))
            .collect()
    }

    #[test]
    fn port_0_makes_the_allow_lines_serve_nobody() {
        let text = "server 192.0.2.41 iburst\nmakestep 1 3\nport 0\nallow 10.20.0.0/16\n";
        let r = rules(text);
        assert!(r.contains(&(Rule::ServerPortOff, Some(4))), "{r:?}");
        // No advice about what clients see, and a client's source count.
        assert!(!r.iter().any(|x| x.0 == Rule::NoLocalStratum), "{r:?}");
        assert!(r.iter().any(|x| x.0 == Rule::FewSourcesClient), "{r:?}");
        let d = lint(&Document::parse(text), &LintOptions::default());
        let off = d.iter().find(|d| d.rule == Rule::ServerPortOff).unwrap();
        assert_eq!(off.arg("line"), Some("3"));
    }

    #[test]
    fn only_the_last_port_line_counts() {
        // A later port serves again: the usual warning, no port-0 one.
        let r = rules("port 0\nport 11123\nserver 192.0.2.41 iburst\nallow 10.20.0.0/16\n");
        assert!(!r.iter().any(|x| x.0 == Rule::ServerPortOff), "{r:?}");
        assert!(r.iter().any(|x| x.0 == Rule::NoLocalStratum), "{r:?}");
        let r = rules("port 11123\nport 0\nserver 192.0.2.41 iburst\nallow 10.20.0.0/16\n");
        assert!(r.iter().any(|x| x.0 == Rule::ServerPortOff), "{r:?}");
        // Without allow, port 0 is an ordinary client.
        let r = rules("port 0\nserver 192.0.2.41 iburst\n");
        assert!(!r.iter().any(|x| x.0 == Rule::ServerPortOff), "{r:?}");
    }
}

/// The unit tests of `lint/ranges.rs`, through `lint()` (a rule module's own
/// tests may not import lint, its parent).
mod ranges_rules {
    use stratum::core::conf::Document;
    use stratum::core::conf::lint::{LintOptions, Rule, lint};

    fn found(text: &str) -> Vec<(Option<usize>, String, String)> {
        lint(&Document::parse(text), &LintOptions::default())
            .into_iter()
            .filter(|d| d.rule == Rule::MaxsamplesBelowMinsamples)
            .map(|d| {
                let arg = |k| d.arg(k).unwrap_or_default().to_string();
                (d.line, arg("minsamples"), arg("maxsamples"))
            })
            .collect()
    }

    #[test]
    fn minsamples_above_maxsamples_is_a_warning_where_it_is_written() {
        let on_line = found("server 192.0.2.91 iburst minsamples 8 maxsamples 4\n");
        assert_eq!(on_line, [(Some(1), "8".into(), "4".into())]);
        // The directives are every source's default: said once, at the
        // later of the two.
        let dirs = found("minsamples 10\nmaxsamples 6\nserver 192.0.2.1 iburst\n");
        assert_eq!(dirs, [(Some(2), "10".into(), "6".into())]);
        // A source's own maxsamples against the directive's minsamples.
        let mixed = found("minsamples 10\nserver 192.0.2.1 iburst maxsamples 6\n");
        assert_eq!(mixed, [(Some(2), "10".into(), "6".into())]);
        // Reference clocks keep samples the same way.
        let clock = found("refclock SHM 4001 minsamples 9 maxsamples 5\n");
        assert_eq!(clock, [(Some(1), "9".into(), "5".into())]);
    }

    #[test]
    fn minsamples_within_maxsamples_or_no_limit_says_nothing() {
        for text in [
            "server 192.0.2.91 iburst minsamples 4 maxsamples 8\n",
            "server 192.0.2.91 iburst minsamples 4 maxsamples 4\n",
            // maxsamples 0 is the default: no limit of its own.
            "server 192.0.2.91 iburst minsamples 8 maxsamples 0\n",
            // The source's own values replace the directives.
            "minsamples 10\nmaxsamples 6\nserver 192.0.2.1 iburst minsamples 4 maxsamples 8\n",
        ] {
            let f = found(text);
            // The directives' pair is still reported on its own line.
            assert!(
                f.iter()
                    .all(|(line, ..)| *line == Some(2) && text.starts_with("minsamples")),
                "{text}: {f:?}"
            );
        }
    }
}
