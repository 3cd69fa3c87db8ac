#!/usr/bin/env python3
"""Builds Stratum's .deb and .rpm packages with the distributions' own tools
(dpkg-deb, dpkg-shlibdeps, rpmbuild) from the package metadata in
Cargo.toml ([package.metadata.deb] and [package.metadata.generate-rpm], the
tables cargo-deb and cargo-generate-rpm read, variants included), so no
packaging tool has to be compiled first.

Usage: package.py deb|rpm VARIANT OUT   (VARIANT: base, or a variant's name)
Environment: PROFILE_DIR, the cargo output directory the packages take their
binaries from (default target/release: the asset paths name it); COMPRESS.
Binaries are stripped into the staged tree, as dh_strip and rpmbuild do.
"""

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# COMPRESS=fast (the packaging check, whose packages are looked at and
# thrown away): gzip at its fastest instead of xz.
FAST = os.environ.get("COMPRESS") == "fast"
DEB_COMPRESSION = ["-Zgzip", "-z1"] if FAST else ["-Zxz"]
RPM_COMPRESSION = ["--define", "_binary_payload w1.gzdio"] if FAST else []


def die(msg):
    print(f"package: {msg}", file=sys.stderr)
    sys.exit(1)


def manifest():
    with open(os.path.join(ROOT, "Cargo.toml"), "rb") as f:
        return tomllib.load(f)["package"]


def merged(table, variant):
    """The base table with a variant's keys over it (as cargo-deb does)."""
    out = {k: v for k, v in table.items() if k != "variants"}
    if variant != "base":
        if variant not in table.get("variants", {}):
            die(f"no variant {variant}")
        out.update(table["variants"][variant])
    return out


def source_path(src):
    """An asset's source: target/release/… is the profile's directory."""
    profile_dir = os.environ.get("PROFILE_DIR")
    if profile_dir and src.startswith("target/release/"):
        return os.path.join(profile_dir, src[len("target/release/"):])
    return os.path.join(ROOT, src)


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def stage(assets, root):
    """Copies the assets into root (dest ending in / is a directory), with
    their modes; returns [(dest path, asset)]."""
    staged = []
    for a in assets:
        src, dest, mode = a["source"], a["dest"], a["mode"]
        path = source_path(src)
        if not os.path.isfile(path):
            die(f"{path} is missing (build it first)")
        if dest.endswith("/"):
            dest += os.path.basename(src)
        dest = "/" + dest.lstrip("/")
        target = root + dest
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if is_elf(path):
            # What dh_strip and rpm's brp-strip leave: no symbols, no notes.
            subprocess.run(
                ["strip", "--strip-unneeded", "--remove-section=.comment",
                 "--remove-section=.note", "-o", target, path],
                check=True,
            )
        else:
            shutil.copyfile(path, target)
        os.chmod(target, int(str(mode), 8))
        staged.append((dest, a))
    for d, dirs, _ in os.walk(root):
        for name in dirs:
            os.chmod(os.path.join(d, name), 0o755)
    os.chmod(root, 0o755)
    return staged


def deb_assets(meta):
    return [{"source": s, "dest": d, "mode": m} for s, d, m in meta["assets"]]


def wrap(text, indent):
    lines = []
    for para in text.strip().split("\n\n"):
        lines += textwrap.wrap(" ".join(para.split()), 78)
        lines.append(".")
    return "\n".join(indent + l for l in lines[:-1])


def build_deb(pkg, variant, out):
    meta = merged(pkg["metadata"]["deb"], variant)
    name = meta.get("name", pkg["name"])
    version = pkg["version"]
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                          text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as work:
        # dpkg-shlibdeps looks for the package under debian/NAME.
        root = os.path.join(work, "debian", name)
        staged = stage(deb_assets(meta), root)
        doc = os.path.join(root, "usr/share/doc", name)
        os.makedirs(doc, exist_ok=True)
        os.chmod(os.path.join(root, "usr/share/doc"), 0o755)
        licence = open(source_path(meta["license-file"][0])).read()
        with open(os.path.join(doc, "copyright"), "w") as f:
            f.write(
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                f"Upstream-Name: {pkg['name']}\n\n"
                f"Files: *\nCopyright: {meta['copyright']}\n"
                f"License: {pkg['license']}\n"
                + "".join(f" {l}\n" if l.strip() else " .\n" for l in licence.splitlines())
            )
        os.chmod(os.path.join(doc, "copyright"), 0o644)
        # A native package's changelog (no Debian revision): changelog.gz.
        entry = (
            f"{name} ({version}) unstable; urgency=medium\n\n"
            "  * Packaged from the project's tree.\n\n"
            f" -- {meta['maintainer']}  {time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\n"
        )
        with open(os.path.join(doc, "changelog.gz"), "wb") as f:
            f.write(gzip.compress(entry.encode(), compresslevel=9, mtime=0))
        os.chmod(os.path.join(doc, "changelog.gz"), 0o644)
        depends = meta.get("depends", "$auto")
        if "$auto" in depends:
            elves = [root + d for d, _ in staged if is_elf(root + d)]
            auto = ""
            if elves:
                open(os.path.join(work, "debian", "control"), "w").close()
                r = subprocess.run(["dpkg-shlibdeps", "-O"] + elves, cwd=work,
                                   capture_output=True, text=True, check=True)
                auto = r.stdout.strip().split("=", 1)[1]
            depends = ", ".join(p for p in (d.strip() for d in depends.replace(
                "$auto", auto).split(",")) if p)
        control_dir = os.path.join(root, "DEBIAN")
        os.makedirs(control_dir)
        scripts = meta.get("maintainer-scripts")
        if scripts:
            for s in ("preinst", "postinst", "prerm", "postrm"):
                p = os.path.join(ROOT, scripts, s)
                if os.path.isfile(p):
                    # No debhelper here to fill its token.
                    text = "".join(l for l in open(p) if l.strip() != "#DEBHELPER#")
                    with open(os.path.join(control_dir, s), "w") as f:
                        f.write(text)
                    os.chmod(os.path.join(control_dir, s), 0o755)
        size = 0
        sums = []
        for d, _, files in os.walk(root):
            if d.startswith(control_dir):
                continue
            for fn in sorted(files):
                p = os.path.join(d, fn)
                size += os.path.getsize(p)
                with open(p, "rb") as f:
                    sums.append(f"{hashlib.md5(f.read()).hexdigest()}  {os.path.relpath(p, root)}\n")
        with open(os.path.join(control_dir, "md5sums"), "w") as f:
            f.writelines(sorted(sums, key=lambda l: l[34:]))
        description = meta.get("extended-description", pkg.get("description", ""))
        control = (
            f"Package: {name}\nVersion: {version}\nArchitecture: {arch}\n"
            f"Maintainer: {meta['maintainer']}\nInstalled-Size: {(size + 1023) // 1024}\n"
            f"Depends: {depends}\nSection: {meta.get('section', 'misc')}\n"
            f"Priority: {meta.get('priority', 'optional')}\n"
            f"Description: {pkg['description']}\n{wrap(description, ' ')}\n"
        )
        with open(os.path.join(control_dir, "control"), "w") as f:
            f.write(control)
        for fn in ("control", "md5sums"):
            os.chmod(os.path.join(control_dir, fn), 0o644)
        os.makedirs(out, exist_ok=True)
        target = os.path.join(out, f"{name}.deb")
        subprocess.run(["dpkg-deb", "--root-owner-group", *DEB_COMPRESSION, "--build", root, target],
                       check=True, stdout=subprocess.DEVNULL)
        print(target)


def build_rpm(pkg, variant, out):
    meta = merged(pkg["metadata"]["generate-rpm"], variant)
    name = meta.get("name", pkg["name"])
    with tempfile.TemporaryDirectory() as work:
        root = os.path.join(work, "stage")
        staged = stage(meta["assets"], root)
        files = []
        for dest, a in staged:
            tag = "%doc " if a.get("doc") else ""
            if dest.startswith("/usr/share/licenses/"):
                tag = "%license "
            files.append(f"%attr({int(str(a['mode']), 8):04o},root,root) {tag}{dest}")
        requires = "".join(
            f"Requires: {k}\n" if v == "*" else f"Requires: {k} {v}\n"
            for k, v in meta.get("requires", {}).items()
        )
        pre = meta.get("pre_install_script")
        spec = (
            # Stripped while staging; no debuginfo package, no build-id links.
            "%global debug_package %{nil}\n%global _build_id_links none\n"
            "%global __strip /bin/true\n"
            # Man pages are gzipped already (and Debian's brp-compress needs bash).
            "%global __brp_compress /bin/true\n"
            f"Name: {name}\nVersion: {pkg['version']}\nRelease: 1\n"
            f"Summary: {meta['summary']}\nLicense: {meta['license']}\n{requires}\n"
            f"%description\n{textwrap.fill(' '.join(meta['description'].split()), 78)}\n\n"
            + (f"%pre\n{pre}\n\n" if pre else "")
            + f"%install\ncp -a {root}/. %{{buildroot}}/\n\n"
            "%files\n" + "\n".join(files) + "\n\n"
            f"%changelog\n* {time.strftime('%a %b %d %Y', time.gmtime())} "
            f"{pkg['metadata']['deb']['maintainer']} - {pkg['version']}-1\n"
            "- Packaged from the project's tree.\n"
        )
        spec_path = os.path.join(work, f"{name}.spec")
        with open(spec_path, "w") as f:
            f.write(spec)
        os.makedirs(out, exist_ok=True)
        subprocess.run(
            ["rpmbuild", "-bb", "--quiet",
             "--define", f"_topdir {work}/rpmbuild",
             "--define", f"_rpmdir {os.path.abspath(out)}",
             "--define", "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm",
             *RPM_COMPRESSION, "--nodeps", spec_path],
            check=True, stdout=subprocess.DEVNULL,
        )


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("deb", "rpm"):
        die("usage: package.py deb|rpm VARIANT OUT")
    kind, variant, out = sys.argv[1:]
    pkg = manifest()
    (build_deb if kind == "deb" else build_rpm)(pkg, variant, out)


if __name__ == "__main__":
    main()
