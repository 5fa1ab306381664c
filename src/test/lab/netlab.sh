#!/usr/bin/env bash
# A LAN in a box: N hosts in network namespaces joined by one bridge, with no route off the machine.
#
#   netlab.sh up N            create hosts h1..hN (idempotent; hosts above N are removed)
#   netlab.sh down            remove everything this script created
#   netlab.sh loss HOST PCT   drop PCT% (0-100) of the UDP datagrams and TCP segments arriving at HOST
#   netlab.sh block HOST WHAT firewall on HOST's inbound side: multicast | udp | unicast | none
#   netlab.sh exec HOST CMD…  run CMD inside HOST's namespace
#   netlab.sh status          list the lab's namespaces and addresses
#   netlab.sh check           exit 0 when root, ip and nft are all present; else say what is missing
#
# HOST is h3, 3 or lcl-h3. Host i is namespace lcl-h<i>, interface lcl0, address 10.77.0.<i>/24.
#
# Layout (nothing is created in the machine's own namespace, so nothing can reach a real interface):
#   namespace lcl-sw : bridge lcl-br (multicast snooping off) + one veth end per host, no address, no uplink
#   namespace lcl-hI : lo up, lcl0 = the other veth end, 10.77.0.I/24, route 224.0.0.0/4 dev lcl0, no default route
# Loss uses nftables' "numgen random" in an input chain of the host's namespace (this kernel has no netem).
# Block is a firewall in the same place, in a table of its own, so loss and block can be combined:
#   multicast  drop every arriving datagram to 224.0.0.0/4 (also the host's own multicast looped back)
#   udp        drop every arriving UDP datagram (also the host's own, to itself)
#   unicast    drop arriving unicast UDP from the LAN; loopback and multicast pass (like ufw's defaults)
#   none       remove the block
set -euo pipefail

readonly PREFIX=lcl
readonly SWITCH_NS=$PREFIX-sw
readonly BRIDGE=$PREFIX-br
readonly HOST_IF=lcl0
readonly SUBNET=10.77.0
readonly MAX_HOSTS=200
readonly LOSS_TABLE=lcl_loss
readonly BLOCK_TABLE=lcl_block

die() { echo "netlab: $*" >&2; exit 1; }

missing_requirements() {
    local missing=()
    [[ $(id -u) -eq 0 ]] || missing+=("root (run as root: namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN)")
    command -v ip >/dev/null 2>&1 || missing+=("ip (Debian package iproute2)")
    command -v nft >/dev/null 2>&1 || missing+=("nft (Debian package nftables)")
    if ((${#missing[@]})); then
        printf '%s\n' "${missing[@]}"
    fi
}

require() {
    local missing
    missing=$(missing_requirements)
    [[ -z $missing ]] || die "missing: $(echo "$missing" | paste -sd ';' -)"
}

host_index() {
    local h=${1#"$PREFIX-"}
    h=${h#h}
    [[ $h =~ ^[0-9]+$ ]] && ((h >= 1 && h <= MAX_HOSTS)) || die "bad host '$1' (use h1, 1 or $PREFIX-h1)"
    echo $((10#$h))
}

host_ns() { echo "$PREFIX-h$1"; }
ns_exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }
lab_namespaces() { ip netns list | awk '{print $1}' | grep -E "^$PREFIX-(sw|h[0-9]+)$" || true; }

make_switch() {
    if ! ns_exists "$SWITCH_NS"; then
        ip netns add "$SWITCH_NS"
    fi
    ip -n "$SWITCH_NS" link set lo up
    if ! ip -n "$SWITCH_NS" link show "$BRIDGE" >/dev/null 2>&1; then
        ip -n "$SWITCH_NS" link add "$BRIDGE" type bridge
    fi
    # Snooping would make the bridge forward multicast only to ports that sent IGMP joins; with no
    # querier on this LAN that is unreliable, so flood multicast to every port like a plain hub.
    ip -n "$SWITCH_NS" link set "$BRIDGE" type bridge mcast_snooping 0 stp_state 0 forward_delay 0
    ip -n "$SWITCH_NS" link set "$BRIDGE" up
}

make_host() {
    local i=$1 ns port
    ns=$(host_ns "$i")
    port="$PREFIX-p$i"
    ns_exists "$ns" || ip netns add "$ns"
    ip -n "$ns" link set lo up
    if ! ip -n "$ns" link show "$HOST_IF" >/dev/null 2>&1; then
        ip -n "$SWITCH_NS" link del "$port" 2>/dev/null || true
        # Both ends are created directly inside their namespaces: nothing ever exists in the root namespace.
        ip link add name "$HOST_IF" netns "$ns" type veth peer name "$port" netns "$SWITCH_NS"
    fi
    ip -n "$SWITCH_NS" link set "$port" master "$BRIDGE"
    ip -n "$SWITCH_NS" link set "$port" up
    ip -n "$ns" addr replace "$SUBNET.$i/24" dev "$HOST_IF"
    ip -n "$ns" link set "$HOST_IF" up
    # Multicast needs a route; unicast only needs the connected /24. No default route: nothing leaves.
    ip -n "$ns" route replace 224.0.0.0/4 dev "$HOST_IF"
}

kill_namespace_processes() {
    local ns=$1 pids
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    if [[ -n $pids ]]; then
        # Only processes inside the lab's own namespaces: they were started in the lab.
        kill -9 $pids 2>/dev/null || true
    fi
}

remove_namespace() {
    kill_namespace_processes "$1"
    ip netns del "$1" 2>/dev/null || true
}

cmd_up() {
    local n=${1:-}
    [[ $n =~ ^[0-9]+$ ]] && ((n >= 1 && n <= MAX_HOSTS)) || die "usage: netlab.sh up N (1..$MAX_HOSTS)"
    require
    make_switch
    local i
    for ((i = 1; i <= n; i++)); do
        make_host "$i"
    done
    local ns idx
    for ns in $(lab_namespaces); do
        [[ $ns == "$SWITCH_NS" ]] && continue
        idx=${ns#"$PREFIX-h"}
        ((idx > n)) && remove_namespace "$ns"
    done
    echo "netlab: $n host(s) up: $(host_ns 1)..$(host_ns "$n"), $SUBNET.1..$SUBNET.$n on $HOST_IF"
}

cmd_down() {
    require
    local ns
    for ns in $(lab_namespaces); do
        remove_namespace "$ns"
    done
    echo "netlab: down"
}

cmd_loss() {
    (($# == 2)) || die "usage: netlab.sh loss HOST PCT"
    require
    local i ns pct=$2
    i=$(host_index "$1")
    ns=$(host_ns "$i")
    [[ $pct =~ ^[0-9]+$ ]] && ((pct <= 100)) || die "PCT must be 0..100, got '$pct'"
    ns_exists "$ns" || die "no host $ns (run: netlab.sh up N)"
    ip netns exec "$ns" nft delete table inet "$LOSS_TABLE" 2>/dev/null || true
    if ((pct > 0)); then
        ip netns exec "$ns" nft -f - <<EOF
table inet $LOSS_TABLE {
    chain input {
        type filter hook input priority 0; policy accept;
        meta l4proto { udp, tcp } numgen random mod 100 < $pct counter drop
    }
}
EOF
    fi
    echo "netlab: $ns drops $pct% of arriving UDP and TCP"
}

cmd_block() {
    (($# == 2)) || die "usage: netlab.sh block HOST multicast|udp|unicast|none"
    require
    local i ns rule
    i=$(host_index "$1")
    ns=$(host_ns "$i")
    ns_exists "$ns" || die "no host $ns (run: netlab.sh up N)"
    case $2 in
        multicast) rule='ip daddr 224.0.0.0/4 counter drop' ;;
        udp) rule='meta l4proto udp counter drop' ;;
        unicast) rule='iifname != "lo" meta l4proto udp ip daddr != 224.0.0.0/4 counter drop' ;;
        none) rule= ;;
        *) die "block what? '$2' (use multicast, udp, unicast or none)" ;;
    esac
    ip netns exec "$ns" nft delete table inet "$BLOCK_TABLE" 2>/dev/null || true
    if [[ -n $rule ]]; then
        ip netns exec "$ns" nft -f - <<EOF
table inet $BLOCK_TABLE {
    chain input {
        type filter hook input priority -10; policy accept;
        $rule
    }
}
EOF
    fi
    echo "netlab: $ns blocks inbound $2"
}

cmd_exec() {
    (($# >= 2)) || die "usage: netlab.sh exec HOST CMD..."
    require
    local i ns
    i=$(host_index "$1")
    ns=$(host_ns "$i")
    shift
    ns_exists "$ns" || die "no host $ns (run: netlab.sh up N)"
    exec ip netns exec "$ns" "$@"
}

cmd_status() {
    require
    local ns
    for ns in $(lab_namespaces); do
        [[ $ns == "$SWITCH_NS" ]] && { echo "$ns: bridge $BRIDGE"; continue; }
        echo "$ns: $(ip -n "$ns" -4 -o addr show dev "$HOST_IF" 2>/dev/null | awk '{print $4}')"
    done
}

cmd_check() {
    local missing
    missing=$(missing_requirements)
    if [[ -n $missing ]]; then
        echo "netlab: missing: $(echo "$missing" | paste -sd ';' -)" >&2
        exit 2
    fi
    echo "netlab: ok"
}

main() {
    local cmd=${1:-}
    shift || true
    case $cmd in
        up) cmd_up "$@" ;;
        down) cmd_down ;;
        loss) cmd_loss "$@" ;;
        block) cmd_block "$@" ;;
        exec) cmd_exec "$@" ;;
        status) cmd_status ;;
        check) cmd_check ;;
        *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64 ;;
    esac
}

main "$@"
