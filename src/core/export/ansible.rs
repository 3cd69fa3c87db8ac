//! Ansible for a lab bundle: an inventory of the servers (and a group for
//! the clients) and a playbook that installs chrony, places each host's
//! chrony.conf from the bundle, opens the firewall with the bundle's rules,
//! restarts chronyd and checks that it answers (`chronyc -c tracking`).

use std::fmt::Write as _;

/// `inventory.ini`: the primary, the backup (when there is one), and an
/// empty group for the clients.
pub fn inventory(primary: &str, backup: Option<&str>) -> String {
    let mut t = String::from("[ntp_servers]\n");
    writeln!(t, "primary ansible_host={primary} stratum_role=primary").unwrap();
    if let Some(b) = backup {
        writeln!(t, "backup ansible_host={b} stratum_role=backup").unwrap();
    }
    t.push_str("\n[ntp_clients]\n# One line per client: NAME ansible_host=ADDRESS\n\n");
    t.push_str("[ntp_clients:vars]\nstratum_role=clients\n");
    t
}

/// `playbook.yml`, using only ansible.builtin modules (runs with a bare
/// ansible-core).
pub const PLAYBOOK: &str = r#"---
# Run from the bundle's ansible/ directory:
#   ansible-playbook -i inventory.ini playbook.yml
- name: Lab time service with chrony
  hosts: ntp_servers:ntp_clients
  become: true
  vars:
    debian: "{{ ansible_facts['os_family'] == 'Debian' }}"
    chrony_conf: "{{ '/etc/chrony/chrony.conf' if debian else '/etc/chrony.conf' }}"
    chrony_keys: "{{ '/etc/chrony/chrony.keys' if debian else '/etc/chrony.keys' }}"
    chrony_group: "{{ '_chrony' if debian else 'chrony' }}"
    chrony_service: "{{ 'chrony' if debian else 'chronyd' }}"
    bundle_keys: "{{ playbook_dir }}/../keys/chrony.keys"
    bundle_nts_ca: "{{ playbook_dir }}/../nts/ca.crt"
  tasks:
    - name: Install chrony
      ansible.builtin.package:
        name: chrony
        state: present

    - name: Place this host's chrony.conf from the bundle
      ansible.builtin.copy:
        src: "{{ playbook_dir }}/../{{ stratum_role }}/chrony.conf"
        dest: "{{ chrony_conf }}"
        owner: root
        group: root
        mode: "0644"
        backup: true
      notify: Restart chrony

    - name: Point the keyfile line at this distribution's key file
      ansible.builtin.replace:
        path: "{{ chrony_conf }}"
        regexp: '^keyfile .*$'
        replace: "keyfile {{ chrony_keys }}"
      notify: Restart chrony

    - name: Place the shared key, readable by root and chrony's group
      ansible.builtin.copy:
        src: "{{ bundle_keys }}"
        dest: "{{ chrony_keys }}"
        owner: root
        group: "{{ chrony_group }}"
        mode: "0640"
      when: bundle_keys is file
      notify: Restart chrony

    - name: A directory for NTS files
      ansible.builtin.file:
        path: /etc/chrony/nts
        state: directory
        owner: root
        group: root
        mode: "0755"
      when: bundle_nts_ca is file

    - name: Place the CA the lab's NTS certificates come from
      ansible.builtin.copy:
        src: "{{ bundle_nts_ca }}"
        dest: /etc/chrony/nts/ca.crt
        owner: root
        group: root
        mode: "0644"
      when: bundle_nts_ca is file
      notify: Restart chrony

    - name: Place this server's NTS certificate
      ansible.builtin.copy:
        src: "{{ playbook_dir }}/../nts/{{ stratum_role }}.crt"
        dest: /etc/chrony/nts/server.crt
        owner: root
        group: root
        mode: "0644"
      when: "'ntp_servers' in group_names and bundle_nts_ca is file"
      notify: Restart chrony

    - name: Place this server's NTS key, readable by root and chrony's group
      ansible.builtin.copy:
        src: "{{ playbook_dir }}/../nts/{{ stratum_role }}.key"
        dest: /etc/chrony/nts/server.key
        owner: root
        group: "{{ chrony_group }}"
        mode: "0640"
      when: "'ntp_servers' in group_names and bundle_nts_ca is file"
      notify: Restart chrony

    - name: Open UDP 123 on the servers with the bundle's nftables rules
      ansible.builtin.script: "{{ playbook_dir }}/../firewall/nftables.sh"
      when: "'ntp_servers' in group_names and (open_firewall | default(false) | bool)"
      changed_when: true

    - name: Start chrony at boot
      ansible.builtin.service:
        name: "{{ chrony_service }}"
        enabled: true
        state: started

  handlers:
    - name: Restart chrony
      ansible.builtin.service:
        name: "{{ chrony_service }}"
        state: restarted

  post_tasks:
    - name: Check that chronyd answers
      ansible.builtin.command: chronyc -c tracking
      register: stratum_tracking
      changed_when: false

    - name: Show its tracking (reference, stratum, offset)
      ansible.builtin.debug:
        var: stratum_tracking.stdout
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inventory_names_each_server_with_its_bundle_directory() {
        let i = inventory("10.0.0.123", Some("10.0.0.124"));
        assert!(i.contains("primary ansible_host=10.0.0.123 stratum_role=primary\n"));
        assert!(i.contains("backup ansible_host=10.0.0.124 stratum_role=backup\n"));
        assert!(!inventory("10.0.0.123", None).contains("backup"));
        assert!(PLAYBOOK.starts_with("---\n"));
    }
}
