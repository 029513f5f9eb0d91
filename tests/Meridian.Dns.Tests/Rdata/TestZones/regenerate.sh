#!/bin/sh
# Re-reads the test zones with BIND (named-compilezone 9.18) to refresh the expected outputs the tests
# compare with. Run from this directory after editing classic-types.db or classic-errors.in.
set -eu
named-compilezone -i none -k ignore -o - example. classic-types.db 2>/dev/null \
    | grep -v '^;' > classic-types.bind.txt
named-compilezone -i none -k ignore -o - example. classic-order.db 2>/dev/null \
    | grep -v '^;' > classic-order.bind.txt
# classic-errors.in: "TYPE rdata" per line. Each is loaded alone; BIND's message (without the
# "near 'token': " prefix) becomes the third column of classic-errors.tsv.
: > classic-errors.tsv
while IFS= read -r line; do
    case "$line" in ''|';'*) continue ;; esac
    zone=$(mktemp)
    printf '$TTL 300\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\nx %s\n' "$line" > "$zone"
    message=$(named-compilezone -i none -k ignore -o /dev/null example. "$zone" 2>&1 \
        | sed -n 's/^dns_rdata_fromtext: [^:]*:[0-9]*: //p' | head -n 1 \
        | sed -E "s/^near ('.*'|eol): //")
    rm -f "$zone"
    type=${line%% *}
    case "$line" in *' '*) rdata=${line#* } ;; *) rdata= ;; esac
    printf '%s\t%s\t%s\n' "$type" "$rdata" "${message:-ACCEPTED}" >> classic-errors.tsv
done < classic-errors.in
# classic-wire.in: "TYPE hex" per line, offered to BIND as "\\# length hex"; the verdict (ACCEPTED or the
# message) becomes the third column of classic-wire.tsv.
: > classic-wire.tsv
while IFS= read -r line; do
    case "$line" in ''|';'*) continue ;; esac
    type=${line%% *}
    hex=$(printf '%s' "${line#* }" | tr -d ' ')
    zone=$(mktemp)
    printf '$TTL 300\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\nx %s \\# %d %s\n' "$type" $((${#hex} / 2)) "$hex" > "$zone"
    message=$(named-compilezone -i none -k ignore -o /dev/null example. "$zone" 2>&1 \
        | sed -n 's/^dns_rdata_fromtext: [^:]*:[0-9]*: //p' | head -n 1 \
        | sed -E "s/^near ('.*'|eol): //")
    rm -f "$zone"
    printf '%s\t%s\t%s\n' "$type" "$hex" "${message:-ACCEPTED}" >> classic-wire.tsv
done < classic-wire.in
