//! The shape of the source tree: no two files of `src/` import each other,
//! directly or round a longer loop. A file "imports" another when it names
//! an item through it: `crate::…`, `super::…`, `self::…`, or a child
//! module's name, in a `use` or inline, group imports (`use a::{b, c::d}`)
//! expanded. Each path counts for the deepest module file it reaches.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every library source file, by module path (`gui::panels::access`).
fn modules(src: &Path) -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(src).unwrap().to_path_buf();
            if path.is_dir() {
                // The binaries are crates of their own (they use `stratum::`).
                if rel != Path::new("bin") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let mut segs: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|s| s.to_string_lossy().into_owned())
                .collect();
            if segs.last().is_some_and(|s| s == "mod" || s == "lib") {
                segs.pop();
            }
            out.insert(segs, path);
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Path, // ::
    Open,
    Close,
    Comma,
    Star,
    Other,
}

/// Tokens of Rust source with comments, strings and chars left out.
fn tokens(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                i += 1;
            }
            i += 2;
        } else if c == b'r' && matches!(b.get(i + 1), Some(b'#') | Some(b'"')) {
            // Raw string r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(Tok::Ident("r".into()));
                i += 1;
                continue;
            }
            j += 1;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            while j < b.len() && !b[j..].starts_with(&close) {
                j += 1;
            }
            i = j + close.len();
            out.push(Tok::Other);
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(Tok::Other);
        } else if c == b'\'' {
            // A char literal ('a', '\n') or a lifetime ('a).
            if b.get(i + 2) == Some(&b'\'') {
                i += 3;
            } else if b.get(i + 1) == Some(&b'\\') {
                i += 2;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
                i += 1;
            } else {
                i += 1;
            }
            out.push(Tok::Other);
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Ident(text[start..i].to_string()));
        } else if c == b':' && b.get(i + 1) == Some(&b':') {
            out.push(Tok::Path);
            i += 2;
        } else {
            out.push(match c {
                b'{' => Tok::Open,
                b'}' => Tok::Close,
                b',' => Tok::Comma,
                b'*' => Tok::Star,
                _ => Tok::Other,
            });
            i += 1;
        }
    }
    out
}

/// The paths starting at `toks[i]` (one, or several for a group), each as
/// its segments; returns them and where parsing stopped.
fn paths_at(toks: &[Tok], mut i: usize, prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    let mut segs = prefix;
    loop {
        match toks.get(i) {
            Some(Tok::Ident(s)) => {
                if s != "self" || segs.is_empty() {
                    segs.push(s.clone());
                }
                i += 1;
            }
            Some(Tok::Star) => return (vec![segs], i + 1),
            Some(Tok::Open) => {
                let mut all = Vec::new();
                i += 1;
                loop {
                    match toks.get(i) {
                        Some(Tok::Close) | None => return (all, i + 1),
                        Some(Tok::Comma) => i += 1,
                        _ => {
                            let (more, next) = paths_at(toks, i, segs.clone());
                            all.extend(more);
                            // Skip `as name` and anything up to , or }.
                            i = next;
                            while !matches!(toks.get(i), Some(Tok::Comma | Tok::Close) | None) {
                                i += 1;
                            }
                        }
                    }
                }
            }
            _ => return (vec![segs], i),
        }
        if toks.get(i) == Some(&Tok::Path) {
            i += 1;
        } else {
            return (vec![segs], i);
        }
    }
}

/// The module file a path from module `from` reaches, if it is in `src/`.
fn resolve(
    mods: &BTreeMap<Vec<String>, PathBuf>,
    from: &[String],
    path: &[String],
) -> Option<Vec<String>> {
    let (mut base, rest): (Vec<String>, &[String]) = match path.first().map(String::as_str) {
        Some("crate") => (Vec::new(), &path[1..]),
        Some("self") => (from.to_vec(), &path[1..]),
        Some("super") => {
            let mut base = from.to_vec();
            let mut k = 0;
            while path.get(k).is_some_and(|s| s == "super") {
                base.pop();
                k += 1;
            }
            (base, &path[k..])
        }
        // A child module named directly (`backend::Waker` in gui/mod.rs).
        Some(_) => (from.to_vec(), path),
        None => return None,
    };
    // An inline module (`mod tests { … }`) belongs to its file.
    while !base.is_empty() && !mods.contains_key(&base) {
        base.pop();
    }
    let start = base.len();
    let mut reached = mods.contains_key(&base).then(|| base.clone());
    for seg in rest {
        base.push(seg.clone());
        if mods.contains_key(&base) {
            reached = Some(base.clone());
        } else {
            break;
        }
    }
    // A name that is no module: an item of the module named last.
    if matches!(path[0].as_str(), "crate" | "super" | "self") {
        reached
    } else {
        // A bare name counts only if it names a child module.
        reached.filter(|r| r.len() > start)
    }
}

/// Which module files each module file imports.
fn imports(src: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mods = modules(src);
    let mut graph = BTreeMap::new();
    for (module, file) in &mods {
        let text = std::fs::read_to_string(file).unwrap();
        let toks = tokens(&text);
        let mut edges = BTreeSet::new();
        // Inline modules open here: (name, brace depth inside them).
        let mut inline: Vec<(String, usize)> = Vec::new();
        let mut depth = 0;
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                Tok::Open => {
                    depth += 1;
                    if i >= 2
                        && toks[i - 2] == Tok::Ident("mod".into())
                        && let Tok::Ident(name) = &toks[i - 1]
                    {
                        inline.push((name.clone(), depth));
                    }
                }
                Tok::Close => {
                    if inline.last().is_some_and(|(_, d)| *d == depth) {
                        inline.pop();
                    }
                    depth = depth.saturating_sub(1);
                }
                _ => {}
            }
            let here: Vec<String> = module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(n, _)| n.clone()))
                .collect();
            let starts = match &toks[i] {
                Tok::Ident(s) => {
                    let after_path = i > 0 && toks[i - 1] == Tok::Path;
                    let rooted = matches!(s.as_str(), "crate" | "super" | "self");
                    let child = {
                        let mut m = module.clone();
                        m.push(s.clone());
                        mods.contains_key(&m)
                    };
                    !after_path && toks.get(i + 1) == Some(&Tok::Path) && (rooted || child)
                }
                _ => false,
            };
            if !starts {
                i += 1;
                continue;
            }
            let (paths, next) = paths_at(&toks, i, Vec::new());
            for p in paths {
                if let Some(target) = resolve(&mods, &here, &p)
                    && &target != module
                {
                    edges.insert(target);
                }
            }
            i = next.max(i + 1);
        }
        graph.insert(module.clone(), edges);
    }
    graph
}

/// Strongly connected groups of more than one file (Tarjan).
fn circles(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    struct T<'a> {
        g: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        out: Vec<Vec<Vec<String>>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a Vec<String>) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in &t.g[v] {
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut group = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                group.push(w.clone());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                t.out.push(group);
            }
        }
    }
    let mut t = T {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn no_two_source_files_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    let name = |m: &Vec<String>| {
        if m.is_empty() {
            "lib".to_string()
        } else {
            m.join("::")
        }
    };
    let found = circles(&graph);
    let described: Vec<String> = found
        .iter()
        .map(|group| {
            let set: BTreeSet<&Vec<String>> = group.iter().collect();
            let mut lines = vec![format!("circle of {} files:", group.len())];
            for from in &set {
                for to in graph[*from].iter().filter(|t| set.contains(t)) {
                    lines.push(format!("  {} -> {}", name(from), name(to)));
                }
            }
            lines.join("\n")
        })
        .collect();
    assert!(described.is_empty(), "\n{}", described.join("\n"));
}

/// The checker itself sees a loop, a group import and a `super` path.
#[test]
fn the_import_check_sees_loops_through_groups_and_super() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path();
    std::fs::create_dir_all(src.join("a")).unwrap();
    std::fs::write(src.join("lib.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(
        src.join("a/mod.rs"),
        "pub mod x;\nuse crate::{b::B, a::x as _};\n// use crate::nothing;\n",
    )
    .unwrap();
    std::fs::write(
        src.join("a/x.rs"),
        "fn f() { let s = \"crate::b\"; super::helper(); }\n",
    )
    .unwrap();
    std::fs::write(src.join("b.rs"), "pub struct B;\n").unwrap();
    let g = imports(src);
    let m = |s: &str| -> Vec<String> { s.split("::").map(String::from).collect() };
    assert_eq!(
        g[&m("a")],
        [m("a::x"), m("b")].into_iter().collect::<BTreeSet<_>>()
    );
    assert_eq!(g[&m("a::x")], [m("a")].into_iter().collect());
    assert!(g[&m("b")].is_empty(), "a string or a comment is no import");
    assert_eq!(circles(&g).len(), 1);
}
