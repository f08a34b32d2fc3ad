# wecom-checkin's messages in English. Each message has the same id in
# zh-CN.ftl; a test fails when one file lacks an id of the other.
# Variables are written { $name }; a line that begins with * is the default
# branch of a choice (e.g. singular and plural).

# The full stop that ends a summary line.
sentence-end = .

## The plan

plan-header = wecom-checkin plan against { $source } (live fingerprint { $fingerprint })
plan-markdown-title = ### wecom-checkin plan
verb-add = add
verb-update = update
verb-clear = clear
verb-replace = replace
verb-delete = delete
verb-drift = drift (readonly, not written)
verb-blocked = blocked
verb-unchanged = unchanged
verb-not-managed = not managed here
takes-effect-today-on = takes effect today, { $day }
takes-effect-on = takes effect { $day }
takes-effect-today = takes effect today
takes-effect-tomorrow = takes effect tomorrow
clear-line = ! clear { $fields } (clear_checkin_option_array_field{ $after ->
    [yes] , after the update
   *[no] {""}
})
list-not-managed = Not managed here (no file describes them; left alone, --prune deletes them):
list-unknown = Could not compare (the live answer does not show these fields):
list-unmanaged = Left as live has them (not in the file, no default; write them to manage them):
summary = Plan: { $add } to add, { $update } to update, { $clear } to clear, { $delete } to delete, { $replace } to replace; { $unchanged } unchanged
summary-replace = {" "}(a replacement adds the new rule, then deletes the old: its delete is among the { $delete } to delete)
summary-drift = , { $n } readonly drifted
summary-not-managed = , { $n } not managed here
summary-rosters = ; { $cells ->
    [one] { $cells } roster cell
   *[other] { $cells } roster cells
} in { $rosters ->
    [one] { $rosters } roster
   *[other] { $rosters } rosters
} to set
summary-refused = Plan refused: { $n ->
    [one] { $n } error
   *[other] { $n } errors
} (nothing will be applied). { $line }
table-action = action
table-rules = rules
row-add = ➕ add
row-update = ✏️ update
row-clear = 🧹 clear
row-delete = 🗑️ delete
row-replace = ♻️ replace
row-drift = ≠ readonly drift
row-unchanged = = unchanged
row-not-managed = ? not managed here
row-rosters = 🗓️ roster to set
errors-and-warnings = Errors and warnings
md-clear = - clear { $fields }
md-could-not-compare = # could not compare: { $fields }
md-more-lines = # … { $n } more lines: { $where }
md-full-plan-at = the full plan is at { $url }
md-run-plan-for-all = run `wecom-checkin plan` for all
md-more-rules = **{ $n } more rules not shown** (a comment is limited to 65,536 characters).
md-full-plan = The full plan: <{ $url }>
md-run-plan = Run `wecom-checkin plan` or save it with `--out plan.txt` to read it all.

## validate

validate-checked = { $rules ->
    [one] { $rules } rule
   *[other] { $rules } rules
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}
validate-ok = ok: { $checked }, no problems
validate-problems = { $failed ->
    [yes] failed
   *[no] ok
}: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
} ({ $checked })

## apply

apply-reviewed = The calls are the reviewed ones ({ $n } of { $day }, digest { $digest }).
apply-reviewed-earlier = Reviewed on { $reviewed }, applied on { $today }: changes that take effect tomorrow take effect the day after { $today }.
apply-nothing = Nothing to do: live matches the files.
apply-ask = Apply { $n ->
    [one] { $n } call
   *[other] { $n } calls
}? Only 'yes' is accepted:{" "}
apply-applying = Applying { $n ->
    [one] { $n } call
   *[other] { $n } calls
}:
apply-call-ok = ok
apply-call-failed = FAILED: { $error }
apply-verify-failed = Verification could not run: { $error }. Run `wecom-checkin plan` to see what live state holds now.
apply-replaced = { $name }: groupid { $old } → { $id } (replaced)
apply-replaced-pin = ; the file pins the old groupid: update it, or run with --write-ids
apply-new-id = { $name }: groupid { $id }
apply-pending = pending  { $rule }: { $message } — takes effect tomorrow; the read API may show the old rule until then
apply-not-applied = NOT APPLIED  { $rule }: { $message }
apply-summary = Applied: { $added } added, { $updated } updated, { $cleared } cleared, { $deleted } deleted{ $rosters ->
    [0] {""}
    [one] , { $rosters } roster call made
   *[other] , { $rosters } roster calls made
}; { $failed } failed, { $skipped } not attempted
apply-summary-unverified = , { $n } not visible in live state
apply-summary-pending = , { $n } pending until tomorrow
apply-summary-unfinished = . Not fully applied: { $names }. Run `wecom-checkin apply` on the rule files again: it plans from live state and finishes the rest

## The plan's lines for an added rule (the card)

card-rest = rest { $spans }
card-no-rest = no rest
card-no-checkin = no check-in needed
card-checkin = check in { $span }
card-no-checkout = no check-out needed
card-checkout = check out { $span }
card-reminders = reminders { $times }
card-no-flex = no flexible hours
card-flex = flexible hours
card-flex-parts = flexible: { $parts }
card-flex-late = { $d } late allowed
card-flex-early = { $d } early leave allowed
card-flex-shift-early = arrive and leave up to { $d } early
card-flex-shift-late = arrive and leave up to { $d } late
card-no-weekdays = no weekdays
card-no-overtime = no overtime
card-overtime = overtime allowed, counted by { $how }
card-ot-by-both = approvals intersected with check-ins
card-ot-by-checkin = check-in times
card-ot-by-approval = approvals only
card-ot-from = from { $d } after work
card-ot-min = at least { $d }
card-ot-max = at most { $d }
card-ot-paid = , paid as overtime pay
card-ot-in-lieu = , given as time off in lieu
card-shift = shift { $name }
card-day-off = a day off: no working hours
card-every-other-week = every other week { $from }…{ $to }

## Why a rule is planned as it is

reason-add = no live rule has this groupid or groupname
reason-regrouped = grouptype { $from } → { $to } cannot be updated: the rule is added anew, then the old one deleted (a new groupid; attendance history stays with the old one)
reason-readonly-drift = readonly: live differs from the file; never written
reason-readonly-same = readonly: live matches the file
reason-unchanged = live matches the file
reason-inexpressible = a change the API cannot express
reason-erases = the update would erase live settings the file does not have
reason-fields-changed = { $n ->
    [one] { $n } field
   *[other] { $n } fields
} changed
reason-pruned = no file describes this live rule, and --prune deletes such rules
reason-not-managed = no file describes this live rule; left alone (--prune deletes it)
reason-duplicate = a second live rule named "{ $name }": { $file } keeps groupid { $kept }; this one is a duplicate (two applies at once, or a replayed add)
reason-replaced-old = the old rule of a replacement that was stopped after adding groupid { $kept }: deleting it finishes the replacement
card-ot-details = {" "}({ $parts })
# Between the items of a list in a line.
list-separator = {", "}

## apply's refusals (on stderr)

apply-refused = Apply refused: { $message }
unbound-from-file = the plan was made from { $source }, not from a corp's live rules: make it with the API (and WECOM_CORPID set) to apply it
unbound-no-corpid = the plan is for corp { $theirs }; set WECOM_CORPID (also with WECOM_ACCESS_TOKEN) so apply can tell it is the same corp
unbound-other-corp = the plan is for corp { $theirs }, this apply is for corp { $ours }
unbound-other-api = the plan was made against { $source }, this apply calls { $base }
unbound-other-day = the plan was made on { $day } (China time) and today is { $today }: which special days are past and when changes take effect depend on the day; run `wecom-checkin plan` again
unbound-edited = the plan file was edited after it was made: its digest is { $digest }, its content gives { $recomputed }
differs-not-reviewed = not reviewed: { $call }
differs-no-longer-planned = reviewed, no longer planned: { $call }
refused-stale = stale plan: live state changed since the plan; re-run plan. Changed: { $changed }
refused-stale-rosters = stale plan: live rosters changed since the plan; re-run plan. Changed: { $changed }
refused-audit = the plan's calls are not what its rule entries show; nothing was applied:
refused-reviewed-unbound = the reviewed plan { $path } cannot be used here:
refused-reviewed-blocked = the reviewed plan had errors: it approved nothing
refused-not-reviewed = the calls planned now are not the reviewed ones (live state or the rule files moved since the review); nothing was applied:
refused-not-reviewed-commit = the calls planned now are not the reviewed ones (live state or the rule files moved since the review of commit { $commit }); nothing was applied:
refused-not-reviewed-after = Review the change again: plan the rule files as they are now in a pull request (docs/apply.md, "Three ways in").
refused-deletes = the plan deletes { $n ->
    [one] { $n } rule
   *[other] { $n } rules
}; pass --prune to allow deletes
refused-replaces = the plan replaces { $n ->
    [one] { $n } rule
   *[other] { $n } rules
} (a delete after the add); pass --allow-replace to allow it
refused-max-deletes = the plan deletes { $n } rules{ $replaced ->
    [0] {""}
   *[other] {" "}({ $replaced } of them by a replacement)
}, more than --max-deletes { $max }
refused-no-files = no rule files, and the plan would delete live rules: a failed checkout must not delete every rule
refused-saved-unbound = this saved plan cannot be applied here:
refused-file-errors = the rule files have errors; `wecom-checkin validate` shows them all
refused-plan-errors = the plan has errors (nothing was applied)
refused-not-a-terminal = not on a terminal: pass --auto-approve to apply without asking
refused-not-confirmed = not confirmed
refused-moved = live state changed since the plan (another apply at the same time?); nothing was applied. Changed: { $changed }

## import

import-refused-unreadable = Import refused: cannot tell which rules these files describe: { $files }
import-refused-unreadable-help = {"  "}help: fix them first (`wecom-checkin validate` shows why), then import --new-only again
import-new-only = { $described } of { $live } live rules are described by files in { $folder } already; importing the other { $rest }.
import-refused-existing = Import refused: { $n ->
    [one] { $n } file exists
   *[other] { $n } files exist
} already: { $files }
import-refused-existing-help = {"  "}help: import into an empty folder, or pass --force to overwrite them
import-done = Imported { $n } rules into { $folder }.
import-kept-live = { $n ->
    [one] { $n } live value
   *[other] { $n } live values
} the write API rejects were kept as they are (keep_live): validate warns about them; change them before changing their field.
import-next = Next: commit the files; `wecom-checkin plan` should show no change.

## Diagnostics: the shape of a rule file (its keys and value types)

shape-not-a-mapping = a rule file holds a mapping of rule fields, found { $found }
shape-not-a-mapping-help = start the document with `grouptype:` and `groupname:` (see README: the rule file format)
shape-the-rule = the rule
shape-top-level = the rule's top level
shape-fullwidth-key = unknown key `{ $key }` in { $place }: it holds a full-width character
shape-fullwidth-key-help = it holds { $advice }; with half-width characters it reads `{ $fixed }`
shape-misplaced = `{ $key }` is not a key of { $place }, so it is kept and sent as written there
shape-unknown-key = unknown key `{ $key }` in { $place }
shape-did-you-mean = did you mean `{ $key }`?
shape-unknown-field = `{ $key }` in { $place } is not in the field table this version knows; it is kept and sent as written
shape-unknown-field-help = keep it if it is an API field newer than this version (import writes such fields); otherwise remove it. The keys this version knows here: { $keys }
shape-missing-key = missing required key `{ $key }`
shape-add-grouptype = add `grouptype: fixed` (or schedule, free)
shape-add-groupname = add `groupname:` with the rule's name
shape-add-key = add `{ $key }`
shape-field = `{ $field }`: { $message }
shape-or = {" or "}
shape-must-be = `{ $field }` must be { $expected }, found { $found }
shape-party-id-twice = `party_id` and `partyid` are the same field: write it once
shape-keep-party-id = keep `party_id`
shape-indent-under = did you mean to indent it under `{ $under }`? `{ $key }` is a key of { $place }.
shape-move-out = did you mean to move it out to { $place }, where `{ $key }` is a key?
shape-keep-if-newer = { $how } Keep it here only if it is an API field newer than this version.
shape-not-allowed = { $found } is not an allowed value
shape-below-minimum = { $found } is less than the minimum of { $limit }
shape-above-maximum = { $found } is greater than the maximum of { $limit }
shape-value-fullwidth = { $complaint }: it holds { $advice }
shape-out-of-range = { $found } is out of range for { $kind ->
    [time-of-day] a time of day
    [duration] a duration
    [date] a date
    [weekday] a weekday (0 = Sunday … 6)
   *[grouptype] a rule type
}
shape-a-type = { $json_type ->
    [array] a list
    [object] a mapping
    [integer] an integer
    [null] an empty value
   *[other] a { $json_type }
}
shape-the-number = the number { $n }
shape-the-string = the string "{ $s }"

## Full-width characters typed by an input method

fullwidth-space = a full-width (ideographic) space
fullwidth-char = the full-width `{ $c }`
fullwidth-half-space = a space
fullwidth-advice = { $name } (U+{ $code }); type { $half } instead (switch the input method to half-width, 半角)

## Diagnostics as text (the words before each part)

diag-error = error
diag-warning = warning
diag-note = note
diag-help = help
diag-at = at { $pointer }
diag-in = in { $place }

## Readable values that do not read

value-not-a-time = { $found } is not a time of day: write "HH:MM" (e.g. "09:00"), "+1 HH:MM" for the next day, or seconds since midnight
value-next-day = ; a day has no hour 24 or later: for that time tomorrow write "{ $next }"
value-not-a-duration = { $found } is not a duration: write e.g. "5m", "1h30m", "45s", or a number of seconds
value-not-a-date = { $found } is not a date: write "YYYY-MM-DD" (e.g. "2027-01-01"), or a Unix timestamp of midnight UTC+8
value-not-a-weekday = { $found } is not a weekday: write mon, tue, wed, thu, fri, sat or sun, 周一 … 周日 (or 0 = Sunday … 6)
value-not-a-grouptype = { $found } is not a rule type: write fixed, schedule or free (or 1, 2, 3)
value-this = this value

## Reading rule files and their YAML

load-no-rule-files = no rule files found (*.yaml, *.yml, *.json)
load-no-rule-files-help = put one rule per file under rules/, or name the files to check; an empty set is refused so that a failed checkout never looks valid
load-not-utf8 = not UTF-8: invalid byte { $byte }
load-not-utf8-help = save the file as UTF-8 (rule files are UTF-8 text, Chinese included)
load-empty-file = empty file: no rule in it
load-empty-file-help = write a rule here (see README: the rule file format), or delete the file
load-cannot-read = cannot read the file: { $error }
load-too-large = file too large: { $size } MiB, rule files are limited to { $max } MiB
yaml-syntax = YAML syntax error: { $info }
yaml-syntax-help = fix the YAML syntax here; quoting the value often helps
yaml-parser-failed = the YAML parser could not read this file
yaml-parser-failed-help = check the file's YAML syntax
yaml-fullwidth = YAML cannot read this file, likely because of the full-width `{ $c }` here
yaml-fullwidth-help = this is { $advice }; the parser said, at line { $line }, column { $column }: { $message }
yaml-key-not-plain = a key must be a plain value, not a list or a mapping
yaml-key-not-plain-help = rule files use the API's field names as keys
yaml-too-deep = nesting deeper than { $max } levels
yaml-too-deep-help = a check-in rule nests at most 7 levels; this is not a rule file
yaml-alias-key = an alias cannot be used as a key
yaml-unknown-anchor = alias to an unknown anchor
yaml-empty-key = empty key
yaml-empty-key-help = write the field name before the colon
yaml-duplicate-key = duplicate key `{ $key }`
yaml-duplicate-key-at = duplicate key `{ $key }` (first defined at line { $line }, column { $column })
yaml-duplicate-key-help = a key may appear once in a mapping: keep one of them
yaml-too-large = the document expands to more than { $max } values (aliases included)
yaml-too-large-help = a check-in rule has a few hundred values; split the file or remove aliases
yaml-bad-tagged = `{ $text }` is not a valid !!{ $tag }
yaml-unsupported-tag = unsupported tag `{ $tag }`: rule files use plain values
yaml-number-too-large = the number { $text } is too large
yaml-not-a-number = `{ $text }` is not a number
yaml-number-unrepresentable = the number { $text } cannot be represented
yaml-no-json-form = `{ $text }` (infinity / not-a-number) has no JSON form

## Checks: the rule as a whole (group.rs)

group-type-unknown = grouptype { $value } is not a rule type
group-type-unknown-help = write fixed (1), schedule (2) or free (3)
group-checkin-type = type { $value } is not accepted by the server; allowed: 0 (phone), 1 (USB time clock), 3 (phone and time clock)
group-checkin-type-help = the field table also lists 2 (time clock), but the server's own check accepts only 0, 1 and 3 (docs/validation.md)
group-reporter-empty = this reporter has neither userid nor tagid
group-reporter-empty-help = write `userid: <id>` or `tagid: <id>`
group-option-out-range = option_out_range { $value } is not 0, 1 or 2
group-option-out-range-help = 0: an exception; 1: counted as field work (外勤); 2: forbidden
group-range-empty = the rule applies to nobody: range has no party_id, userid or tagid
group-range-empty-help = add e.g. `range: {"{"}party_id: [1]{"}"}` (departments), `userid: [...]` or `tagid: [...]`
group-old-field = { $field } is an old field the write API refuses
group-old-field-help = remove it; { $field ->
    [flex_time] use allow_flex with flex_on_duty_time / flex_off_duty_time
    [limit_aheadtime] use earliest_work_sec / latest_work_sec in each checkintime
    [limit_offtime] use earliest_off_work_sec / latest_off_work_sec in each checkintime
   *[other] use no_need_checkoff in each checkintime
}
group-old-ot-info = ot_info is the old overtime field the write API refuses
group-old-ot-info-help = remove it and describe overtime in ot_info_v2 (workdayconf, restdayconf, holidayconf)
group-schedulelist-on-fixed = a fixed rule cannot have a schedulelist
group-remove-schedulelist = remove schedulelist, or make the rule `grouptype: schedule`
group-checkindate-size = a fixed rule needs 1 to 7 checkindate entries, found { $n }
group-checkindate-size-help = add the working days and hours: `checkindate: [{"{"}workdays: [mon, …], checkintime: [...]{"}"}]`
group-checkindate-on-schedule = a schedule rule cannot have checkindate: its hours are in schedulelist
group-remove-checkindate = remove checkindate
group-schedulelist-on-free = a free rule cannot have a schedulelist
group-free-only = { $field } is for free rules only
group-span-day-time-range = span_day_time { $value } is not between 00:00 and 23:59
group-span-day-time-minutes = span_day_time { $value } is not a whole minute
group-standard-duration = standard_work_duration { $value } is not allowed
group-standard-duration-help = write -1 (no limit) or 1h to 24h in half-hour steps: "1h", "1h30m", "8h" …
group-offwork-interval = offwork_interval_time { $value } is not allowed
group-offwork-interval-help = write a multiple of 5 minutes up to 1435 minutes (23h55m), e.g. "5m"

## Checks across the rules of a corp (corp.rs)

corp-duplicate-groupname = groupname "{ $name }" is also used by { $place }
corp-duplicate-groupname-help = groupnames identify rules after they are created: give each rule its own name
corp-duplicate-groupid = groupid { $id } is also pinned by { $place }
corp-duplicate-groupid-help = a live rule can be described by one file only: remove one of them

## Shared by several families of checks

name-length = { $field } has { $n } characters; it must have 1 to 40
name-length-help = a Chinese character counts as one
remove-it = remove it

## Durations in messages (checks/mod.rs)

dur-seconds = { $n } s
dur-minutes = { $m } min
dur-hours = { $h } h
dur-hours-minutes = { $h } h { $m } min

## Working periods (checkin_time.rs)

time-checkintime-size = { $n } periods; a day has 1 to 4
time-section-size = shift has { $n } periods; it needs 1 to 4
time-workdays-empty = this entry has no workdays
time-workdays-empty-help = write e.g. `workdays: [mon, tue, wed, thu, fri]`
time-weekday-unknown = { $value } is not a weekday (0 = Sunday … 6)
time-workday-repeated-here = { $day } is already a workday earlier in this entry
time-workday-repeated = { $day } is already a workday in checkindate[{ $first }]
time-workday-repeated-help = each weekday may appear once in the rule
time-id-missing = this period has no time_id
time-id-missing-help = add `time_id:` with a number unique in the rule, e.g. 1
time-id-range = time_id { $id } is not between 1 and 99998
time-id-repeated = time_id { $id } is also used at { $first }
time-id-repeated-help = give each period of the rule its own time_id
time-whole-minute = { $field } { $value } ({ $secs } s) is not a whole minute
time-whole-minute-help = times are whole minutes: seconds since midnight must divide by 60
time-work-sec-missing = this period has no work_sec
time-work-sec-late = work_sec { $value } is after next-day 00:00
time-off-work-sec-missing = this period has no off_work_sec
time-off-work-sec-late = off_work_sec { $value } is not before next-day 23:59
time-work-off-span = work_sec { $work } to off_work_sec { $off } is { $span }; it must be more than 1 min and less than 24 h
time-work-off-span-help = an end after midnight is written "+1 HH:MM"
time-before = { $d } before
time-rest-needs-allow = rest times are set but allow_rest is not true
time-rest-needs-allow-help = add `allow_rest: true`, or remove rest_begin_time and rest_end_time
time-rest-missing = allow_rest is true but rest_begin_time or rest_end_time is missing
time-rest-missing-help = give both, e.g. rest_begin_time: "12:00", rest_end_time: "13:00"
time-rest-inside = rest { $begin }–{ $end } must lie strictly inside work { $work }–{ $off }, beginning before it ends
time-window-missing = missing { $fields }
time-window-missing-help = give the window in which checking in and out counts, e.g. earliest_work_sec: "07:00"
time-window-negative = { $field } { $value } is negative
time-window-after-next-day = { $field } { $value } is after next-day { $cap }
time-window-order = { $later } { $lv } is not after { $earlier } { $ev }
time-earliest-work = earliest_work_sec { $ew } must be before work_sec { $w }
time-latest-work-after = latest_work_sec { $lw } must be after work_sec { $w }
time-latest-work-before = latest_work_sec { $lw } must be before off_work_sec { $o }
time-earliest-off = earliest_off_work_sec { $eo } must be after work_sec { $w } and before off_work_sec { $o }
time-latest-off = latest_off_work_sec { $lo } must be from off_work_sec { $o } to less than 24 h after it
time-remind-required = remind_work_sec and remind_off_work_sec are both required
time-remind-required-help = set them to work_sec and off_work_sec to remind on time
time-remind-work = remind_work_sec { $r } is { $d } { $dir ->
    [before] before
   *[after] after
} work_sec { $time }; allowed: 0, 5, 10, 15 or 20 minutes before
time-remind-off-work = remind_off_work_sec { $r } is { $d } { $dir ->
    [before] before
   *[after] after
} off_work_sec { $time }; allowed: 0, 10, 20, 30 or 60 minutes after
time-overlap = the { $what ->
    [hours] working hours
   *[windows] check-in windows (earliest_work_sec … latest_off_work_sec)
} of this period overlap those of period { $k }
time-overlap-help = periods of one day must follow each other, windows included
time-special-no-window = a special working day's period cannot set { $field }
time-special-times-missing = a special working day's period needs work_sec and off_work_sec
time-special-whole-minutes = times must be whole minutes
time-special-work = work_sec { $w } must be from 04:00 to 18:00
time-special-off = off_work_sec { $o } must be from 04:00 to next-day 03:00
time-special-forward = work_sec { $w } to off_work_sec { $o } must go forward, at most 24 h

## Flexible hours (flex.rs)

flex-over-max = { $field } { $value } is more than 360 minutes
flex-values = { $field } { $value } is not a multiple of 5 minutes from 0 to 6 hours
flex-needs-allow = { $field } is set but allow_flex is not true
flex-needs-allow-help = add `allow_flex: true`, or set the value to 0
flex-late-rule-needs-allow = late_rule is on but allow_flex is not true
flex-late-rule-needs-allow-help = add `allow_flex: true`, or turn late_rule off
flex-one-pair = both flex pairs are set: late/early (flex_on/off_duty_time) and arrive early/late (max_allow_arrive_*)
flex-one-pair-help = keep one pair and set the other to 0
flex-needs-a-pair = allow_flex is true but no flexible time is set
flex-needs-a-pair-help = set flex_on_duty_time / flex_off_duty_time (may be late / leave early) or max_allow_arrive_early / max_allow_arrive_late
flex-late-rule-off = late_rule times are set but allow_offwork_after_time is not true
flex-late-rule-off-help = add `allow_offwork_after_time: true`, or remove the times
flex-late-rule-values = { $field } { $value } is not a multiple of 15 minutes from 0 to 10 hours
flex-late-rule-order = onwork_flex_time { $flex } is more than offwork_after_time { $after }
flex-late-rule-order-help = leaving late by X allows arriving late by at most X the next day

## Special days (special_days.rs)

spe-no-workdays = only fixed rules can have special working days
spe-no-workdays-help = remove spe_workdays; days off (spe_offdays) are allowed
spe-max-366 = { $n } entries; at most 366
spe-notes-empty = this special day has no notes
spe-notes-empty-help = add `notes:` saying what the day is, e.g. 春节
spe-notes-bytes = notes are { $n } bytes in UTF-8; at most 40 (13 Chinese characters)
spe-workday-checkintime = a special working day needs checkintime
spe-workday-checkintime-help = add the day's hours: checkintime: [{"{"}work_sec: "09:00", off_work_sec: "18:00", …{"}"}]
spe-offday-checkintime = a special day off cannot have checkintime
spe-offday-checkintime-help = remove checkintime, or move the day to spe_workdays
spe-bad-date = { $field } { $value } is not a midnight (UTC+8) after 2000-01-01
spe-bad-date-help = write the date, e.g. "2027-01-01"
spe-needs-field = a type { $kind } special day needs { $field }
spe-period-needs-times = a period (type 1) needs begtime and endtime
spe-type = type { $value } is not 0 (a day), 1 (a period) or 2 (every other week)
spe-end-before-start = endtime { $end } is before { $field } { $start }
spe-one-year = { $start } to { $end } is { $days } days, longer than one year
spe-one-year-help = end it by { $last }, and add another entry for the rest
spe-past = { $day } is in the past: this entry is history, ignored and never sent
spe-past-help = remove it when convenient
spe-started = this entry starts on { $first }, not after today ({ $today }): the server accepts only future dates
spe-started-help = it can stay as long as this list is not changed; a change sends the list whole and the server would reject it: move its start after today
spe-conflict = { $day } is also covered by { $other }
spe-conflict-help = special days may not overlap, across spe_workdays and spe_offdays

## Wi-Fi and locations (locations.rs)

loc-none = the rule has neither Wi-Fi access points nor locations
loc-none-help = add wifimac_infos or loc_infos: people need somewhere to check in
loc-max-500 = { $n } entries; at most 500
loc-wifimac-missing = this access point has no wifimac
loc-wifimac = "{ $mac }" is not a MAC address
loc-wifimac-help = write six hex pairs separated by colons, e.g. "c0:7b:bc:37:f8:d3" (the access point's BSSID)
loc-wifimac-repeated = wifimac { $mac } is also wifimac_infos[{ $first }]
loc-lat = lat { $value } is outside -90° … 90° (× 1,000,000)
loc-lng = lng { $value } is outside -180° … 180° (× 1,000,000)
loc-lat-lng-missing = a location needs lat and lng (degrees × 1,000,000, GCJ-02)
loc-distance = distance { $value } m is not allowed
loc-distance-missing = this location has no distance
loc-distance-help = allowed: 100, 200, … 1000, 1500, 2000, 2500 or 3000 (metres)

## Overtime (overtime.rs)

ot-none = the rule has no overtime settings (ot_info_v2)
ot-none-help = add ot_info_v2 with workdayconf, restdayconf and holidayconf, e.g. `{"{"}allow_ot: false, type: 2{"}"}` each
ot-conf-missing = ot_info_v2 has no { $conf }
ot-conf-missing-help = add `{ $conf }: {"{"}allow_ot: false, type: 2{"}"}` (or the overtime this kind of day allows)
ot-conf-field-missing = { $conf } has no { $field }
ot-type = type { $value } is not 0 (approvals and check-ins), 1 (check-ins) or 2 (approvals)
ot-trans-type = ot_trans_type { $value } is not 1 (time off in lieu) or 2 (overtime pay)
ot-trans-ratio = trans_ratio { $value } is more than 3000 (1:30)
ot-over-720 = { $field } { $value } is more than 720 minutes
ot-min-max = ot_time_min { $min } is not less than ot_time_max { $max }
ot-rest-not-enabled = restinfo type 0 deducts no rest, but rest is configured
ot-rest-not-enabled-help = set type 1 (fixed rest periods) or 2 (by overtime length), or remove the rest settings
ot-fix-time-size = { $n } fixed rest periods; type 1 needs 1 to 10
ot-by-periods-no-length = type 1 deducts fixed rest periods: cal_ottime_rule is not allowed
ot-rest-items-size = { $n } items; deduction by overtime length needs 1 to 5
ot-by-length-no-periods = type 2 deducts by overtime length: fix_time_rule_list is not allowed
ot-rest-item-required = this item needs ot_time and rest_time
ot-rest-item-values = ot_time { $ot }, rest_time { $rest }: both must be multiples of 15 minutes up to 6 h, rest not longer than overtime
ot-rest-items-increasing = ot_time { $ot } is not more than the item before ({ $before })
ot-rest-type = restinfo type { $value } is not 0 (none), 1 (fixed periods) or 2 (by overtime length)
ot-fix-time-required = this rest period needs fix_time_begin_sec and fix_time_end_sec
ot-fix-time-minutes = rest { $b }–{ $e } must be whole minutes
ot-fix-time-range = rest { $b }–{ $e } must be between 00:00 and next-day 23:59
ot-fix-time-order = rest { $b }–{ $e } must begin before it ends, at most 24 h ({ $d })
ot-fix-time-overlap = rest { $b }–{ $e } overlaps fix_time_rule_list[{ $other }]

## Shifts (schedules.rs)

schedule-no-rest = there is no rest shift (schedule_id 0)
schedule-no-rest-help = add `- {"{"}schedule_id: 0, schedule_name: 休息{"}"}`
schedule-none = there is no shift besides the rest shift
schedule-none-help = add a shift with a schedule_id other than 0 and its time_section
schedule-size = { $n } shifts; at most 50
schedule-id-repeated = schedule_id { $id } is also used by schedulelist[{ $first }]
schedule-rest-name = the rest shift is named "{ $name }"; it must be "休息"
schedule-rest-periods = the rest shift cannot have working periods
schedule-rest-periods-help = remove time_section from schedule_id 0
schedule-name-repeated = schedule_name "{ $name }" is also used by schedulelist[{ $first }]
schedule-earliest = earliest_work_sec { $e } is { $d } before work_sec { $w }; at most 4 h

## Make-ups and face detection (buka.rs)

buka-cnt = allow_apply_bk_cnt { $value } is not -1 (unlimited) or 0 … 99
buka-day-limit = allow_apply_bk_day_limit { $value } is not -1 (unlimited) or 0 … 180 days
buka-limit-next-month = buka_limit_next_month { $value } is not -1 (no deadline) or a day 1 … 28
buka-needs-open-remind = buka_remind_day / buka_remind_month are set but open_remind is not true
buka-remind = buka_remind_month { $month }, buka_remind_day { $day }: not a valid reminder day
buka-remind-day-missing = missing
buka-remind-help = this month (buka_remind_month 0): day 15 … 30; next month (1): day 1 … 26
buka-needs-allow-apply = { $field } is set but make-ups are not allowed (allow_apply_offworkday is not true)
buka-needs-allow-apply-help = add `allow_apply_offworkday: true`, or remove the make-up settings
buka-face-detect = liveness detection is on but face recognition (use_face_detect) is not
buka-face-detect-help = add `use_face_detect: true`

## Hidden characters in any string (checks/mod.rs)

hidden-characters = "{ $text }" holds characters nobody can see (control or bidi characters, shown escaped here)
hidden-spaces = "{ $text }" begins or ends with a space nobody can see
hidden-help = remove them, or write what you mean with visible characters

## explain

explain-person = { $userid } on { $day } ({ $weekday ->
    [0] Sunday
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
   *[6] Saturday
}):
explain-rule = rule
explain-shift = shift
explain-roster = roster
explain-hours = hours
explain-live = live
explain-rule-none = none: getcheckinoption names no rule for this person that day
explain-rule-unlisted = groupid { $groupid }, which getcorpcheckinoption does not list
explain-no-file = no rule file describes it
explain-rule-is = { $name } (groupid { $groupid }, { $kind ->
    [fixed] fixed hours
    [schedule] shifts
    [free] free check-in
   *[unknown] unknown type
}) — { $file }
explain-shift-is = { $name } (schedule_id { $id }) in the live roster
explain-rest-day = rest day: no check-in
explain-shift-none = none: the live roster has no shift for this person that day
explain-roster-none = no roster file in git has this person that month
explain-roster-empty = { $file }: the cell is empty (not managed)
explain-roster-says = { $at } says { $name }{ $agrees ->
    [yes] , as live
   *[no] {" "}— live differs: run `wecom-checkin plan`
}
explain-free = free check-in: no fixed hours
explain-special-offday = a special day off (spe_offdays): no check-in
explain-special-workday = a special working day (spe_workdays)
explain-not-working-day = not a working day of the rule
explain-live-same = the rule matches git
explain-live-not-managed = not managed here: no rule file describes it
explain-live-differs = the rule differs from git ({ $n ->
    [one] { $n } change
   *[other] { $n } changes
}{ $readonly ->
    [yes] , readonly
   *[no] {""}
}): run `wecom-checkin plan` to see how

## Errors that stop a command

tool-error = error: { $message }
tool-help = {"  "}help: { $help }
err-cannot-read = cannot read { $path }: { $error }
err-cannot-write = cannot write { $path }: { $error }
err-cannot-create = cannot create { $path }: { $error }
err-symlink-loop = a symbolic link loops back to a folder above it
err-not-a-regular-file = cannot read { $path }: not a regular file
err-paths-help = pass a rule file or a folder of rule files (default: rules/)
err-unreadable-entry-help = fix or remove it: every rule file must be read, or plan --prune would delete the rules it describes
err-no-credentials = no WeCom credentials
err-no-credentials-help = set WECOM_CORPID (企业ID, under 我的企业) and WECOM_CORPSECRET (the Secret of the app configured under 打卡 → 可调用接口的应用, or of a 代开发 app with 打卡 permission), or WECOM_ACCESS_TOKEN with a token from your own token service; in CI, take them from the secret store
err-api-base = WECOM_API_BASE (or --api-base) { $base } is not usable: { $why }
err-api-base-help = write the base URL with its scheme, e.g. { $example } (or http://127.0.0.1:8089 for `wecom-checkin emulate`)
err-live-file-help = pass a file written by `wecom-checkin pull`
err-live-rules = cannot read the live rules: { $error }
err-live-answer = the live answer is not usable: { $error }
err-live-rosters = cannot read the live rosters: { $error }
err-live-rosters-of = cannot read the live rosters of { $month }: { $error }
err-live-roster-answer = the live roster answer is not usable: { $error }
err-whose-rule = cannot read whose rule is whose: { $error }
err-full-plan-url = --full-plan-url { $url } is not usable: { $why }
err-full-plan-url-help = pass the http(s) address of the page that keeps the full plan, e.g. the CI run
err-out-extension = --out { $path }: the format is taken from the extension
err-out-extension-help = name the file .json (for apply), .txt or .md
err-not-json = { $path } is not JSON: { $error }
err-not-a-plan = { $path } is not a plan: { $error }
err-plan-version = { $path } is a plan of format_version { $theirs }, this version reads { $ours }
err-plan-version-help = run `wecom-checkin plan --out` again with this version
err-rosters-month = --rosters { $month } is not a month
err-rosters-month-help = write the month as YYYY-MM, e.g. --rosters 2026-12
err-rosters-live = --rosters reads live rosters from the API; a --live file holds rules only
err-rosters-live-help = leave out --live
err-roster-write = cannot write the roster of { $path }: { $error }
err-date = --date { $date } is not a day
err-date-help = write the day as YYYY-MM-DD, e.g. --date 2026-12-03

## pull and import --rosters

pull-saved = saved { $n ->
    [one] { $n } live rule
   *[other] { $n } live rules
} to { $path }
import-roster-none = { $name }: no roster for { $month }
import-roster-unsafe-name = { $name }: skipped: the groupname cannot be a folder name on every system (rename the rule to use rosters)
import-roster-kept = { $path }: kept (exists; --force overwrites)
import-roster-wrote = wrote { $path } ({ $n ->
    [one] { $n } cell
   *[other] { $n } cells
})
import-roster-formula = warning: { $path } holds { $value }, which a spreadsheet runs as a formula: open the file as text
import-rosters-summary = Imported { $n ->
    [one] { $n } roster
   *[other] { $n } rosters
} for { $month }{ $kept ->
    [0] {""}
   *[other] ; { $kept } not written
}.

## Roster files (roster/file.rs)

roster-name-not-month = the file name { $name } is not a month: roster files are named YYYY-MM.csv, e.g. 2026-12.csv
roster-no-folder = a roster file lies in a folder named after its rule: rosters/<groupname>/YYYY-MM.csv
roster-name-help = rename the file to its month, e.g. rosters/成都春熙路店/2026-12.csv
roster-not-utf8 = not UTF-8
roster-not-utf8-help = save it as "CSV UTF-8 (逗号分隔)" (Excel's other CSV choice writes GBK, which is not read)
roster-not-csv = not readable as CSV: { $error }
roster-empty = empty roster: no header row
roster-empty-help = write a header row: userid,1,2,…,{ $days } (one column per day of { $month })
roster-header-first = the header's first column is { $found }, not userid
roster-header-help = the header row is userid,1,2,…,{ $days }
roster-header-stops = the header stops at day { $last }: { $month } has { $days } days
roster-header-extra = the header has a column { $found } after day { $days }: { $month } has { $days } days
roster-header-column = column { $column } of the header is { $found }, not day { $want }
roster-header-order-help = the header row is userid,1,2,…,{ $days }: one column per day of { $month }, in order
roster-no-userid = a row without a userid
roster-no-userid-help = write the person's userid (账号) in the first column
roster-second-row = userid { $userid } has a second row (the first is on line { $line })
roster-second-row-help = one row per person: merge the two rows
roster-cell-after = a cell after day { $days } ({ $found }): { $month } has { $days } days
roster-cell-after-help = remove the cells past the month's last day

## Rosters against the rules (roster/check.rs)

roster-rule-did-you-mean = did you mean the folder { $folder }?
roster-rule-help = name the folder after the groupname of the rule file the roster is for (rosters/<groupname>/YYYY-MM.csv), and pass the rule files too (`plan rules rosters`)
roster-rule-none = the roster's folder { $folder } names no rule: no rule file has that groupname
roster-rule-not-schedule = { $name } ({ $file }) is not a schedule rule: only 按班次上下班 rules have rosters
roster-rule-not-schedule-help = remove the roster, or make the rule `grouptype: schedule` with its shifts in schedulelist
roster-shift-did-you-mean = did you mean { $shift }? The shifts of { $name } are { $shifts }
roster-shift-help = write one of the shifts of { $name } ({ $file }): { $shifts }, or leave the cell empty to leave the day as it is
roster-shift-unknown = { $userid } on { $date }: { $shift } is not a shift of { $name }

## Planning rosters (roster/plan.rs)

roster-target-no-rule = no rule file of that name is planned
roster-target-new = the rule is { $action ->
    [add] added
   *[replace] replaced
} by this plan and has no groupid yet: apply, then plan again to set the roster
roster-target-blocked = the rule cannot be planned (see its errors)
roster-target-no-groupid = the rule has no groupid
roster-live-file = live rosters are read from the API; a --live file holds rules only
roster-no-schedule-id = the shift { $shift } has no schedule_id: neither the rule file nor the live rule gives one
roster-no-schedule-id-help = write its schedule_id in the rule file's schedulelist, or apply the rule first and plan again
roster-history = { $cells ->
    [one] 1 cell
   *[other] { $cells } cells
} before today differ from live: days before today are history and are never sent
roster-history-help = leave past days as they are, or empty those cells
roster-not-compared = roster not compared: { $why }
roster-not-compared-help = nothing of this roster is sent by this plan
roster-audit-no-entry = setcheckinschedulist for "{ $rule }" (groupid { $groupid }, { $yearmonth }) has no roster entry of that rule and month
roster-audit-no-groupid = the roster entry { $file } ({ $month }) has changes but no groupid
roster-audit-twice = setcheckinschedulist sets a cell twice
roster-audit-not-shown = setcheckinschedulist sets { $userid } on day { $day } of { $yearmonth } in groupid { $groupid } to schedule_id { $id }, which no roster entry shows
roster-audit-not-sent = the roster entry shows { $userid } on day { $day } of { $yearmonth } in groupid { $groupid }, which no call sets
roster-title-id = roster { $name } { $month } (groupid { $groupid }, { $file })
roster-title = roster { $name } { $month } ({ $file })
roster-counted = { $cells ->
    [one] 1 cell
   *[other] { $cells } cells
} of { $people ->
    [one] 1 person
   *[other] { $people } people
} to set
roster-set = set { $title }: { $counted }

## apply: what live shows after the calls (apply.rs)

verify-added-missing = added, but no new live rule is named "{ $name }" after the calls
verify-added-many = { $n } new live rules are named "{ $name }" after the add (groupid { $ids }): another apply may have run at the same time; `wecom-checkin apply --prune` deletes the extras
verify-updated-gone = updated, but groupid { $groupid } is gone
verify-cleared-gone = cleared, but groupid { $groupid } is gone
verify-cleared-still = { $field } was cleared but live still has entries
verify-deleted-still = deleted, but groupid { $groupid } is still live
verify-field-differs = { $field } was sent but live shows a different value (the API may have ignored it)
verify-rosters-unread = the rosters could not be read again: { $error }
verify-roster-missing = the roster for { $month } was set but live does not show { $cells ->
    [one] 1 cell
   *[other] { $cells } cells
} (the API may have ignored it): { $list }
write-ids-several = a file of several rules: add `groupid` by hand
differs-changed = changed since the review: { $call }: { $keys }
differs-order = the same calls in another order
differs-roster = the roster of { $name } for { $month }
roster-entry-no-groupid = a roster entry with changes has no groupid
err-not-a-saved-plan = { $path } is not a saved plan
err-not-a-saved-plan-help = pass the JSON that `wecom-checkin plan --out` wrote when the change was reviewed

## apply: a roster cell live does not show

verify-roster-cell = { $userid } day { $day } { $shift }

## A saved plan's calls against its entries (plan/audit.rs)

audit-call = call { $n } ({ $call }): { $why }
audit-not-following-id = the calls for "{ $name }" (groupid { $groupid }) do not follow from its entry: { $why }
audit-not-following = the calls for "{ $name }" do not follow from its entry: { $why }
audit-call-for = { $endpoint } for "{ $name }"
audit-no-entry = no entry of the plan { $what }
audit-what-changes = changes groupid { $groupid }
audit-what-adds = adds a rule named "{ $name }"
audit-what-deletes = deletes groupid { $groupid }
audit-roster-call = a roster call names no rule entry
audit-label = a call is labelled "{ $call }", the entry is "{ $entry }"
audit-effective-now = { $endpoint } says effective_now { $sent }, the entry { $entry }
audit-two-of-a-kind = more than one call of a kind for one rule
audit-added-body = the added rule's body
audit-delete-no-prune = a delete, but the plan was not made with --prune
audit-delete-no-allow-replace = a replacement's delete, but the plan was not made with --allow-replace
audit-delete-no-replacement = a delete for a replacement no rule file of that name makes
audit-no-groupid = the entry changes a rule but names no groupid
audit-live-no-groupid = live state has no groupid { $groupid }
audit-empties = it empties { $sent }, the entry { $entry }
audit-what-calls-change = what the calls change in live state
audit-nothing = nothing
audit-none = (none)
audit-difference = { $what } gives `{ $got }`, the entry shows `{ $entry }`

## Live answers that cannot be read (live.rs, roster/live.rs)

live-answer-error = the answer is an error: errcode { $errcode }: { $errmsg }
live-group-not-list = `group` is not a list
live-groupid-twice = groupid { $groupid } appears twice (group[{ $first }] and group[{ $second }]): the answer is not a consistent corp; read it again
live-not-an-answer = not a getcorpcheckinoption answer: { $error }
live-rule-not-object = a rule is not a JSON object
live-rule-no-groupid = the rule has no numeric groupid
roster-live-not-list = schedule_list is not a list
roster-live-no-userid = a schedule_list entry has no userid
roster-live-bad-day = a day of { $userid } is not 1 to 31: { $day }

## Talking to the API (client/)

hint-credentials = the corpid or corpsecret is wrong: use the secret of the app configured under 打卡 → 可调用接口的应用 (or of a 代开发 app with 打卡 permission); since 2023-12-01 the system check-in app's secret is refused for new corps
hint-token = the access_token is invalid or expired: with WECOM_ACCESS_TOKEN, fetch a fresh one from your token service; with WECOM_CORPID / WECOM_CORPSECRET the tool refreshes it itself
hint-ip = this machine's IP is not trusted by the app: add it to the app's 企业可信IP in the admin console (CI runners need a fixed egress IP)
hint-not-creator = the app may not change this rule: a rule can only be changed by the app that created it (打卡规则仅可由该规则的创建应用修改). If it was made in the admin console or by another app, mark its file `readonly: true`
hint-permission = the app lacks permission: configure it under 打卡 → 可调用接口的应用
hint-content = the server rejected the rule's content: run `wecom-checkin validate` to see which value and why
hint-rate-limit = the API's rate limit was hit: the tool backs off and retries; lower { $flag } if this persists
hint-busy = the server was busy: the tool retries with backoff; try again later if this persists
api-error-help = help: { $hint }
api-http-status = HTTP status { $status }
api-unexpected = unexpected answer: { $message }
api-timed-out = timed out
api-could-not-connect = could not connect
api-request-failed = request failed
api-https-to-http = {" "}(an https:// URL for a server that speaks plain http? check WECOM_API_BASE's scheme)
api-no-http = cannot set up HTTP: { $error }
api-log-unusable = no usable answer: { $error }
api-log-request = request: { $endpoint } → { $outcome } ({ $ms } ms)
api-no-token = no access_token in the answer (errcode { $errcode }, { $errmsg })
api-not-json = not JSON ({ $error })
api-no-errcode = no errcode ({ $error })

## Retries (client/)

api-retrying = retrying { $endpoint } after attempt { $n }/{ $of }: { $error }; next attempt in { $wait } s

## Several corps (corps.rs, commands/corps.rs)

corps-example = write e.g.
    {"["}corp.hq]
    rules = "hq/rules"
    env_prefix = "HQ_"
corps-no-table = { $path }: no [corp.NAME] table
corps-bad-name = { $path }: corp name { $name } is not usable
corps-bad-name-help = name corps with letters, digits, - and _ (at most 64): the name is typed after --corp and shown in plans
corps-bad-prefix = { $path }: corp { $name }: env_prefix { $prefix } is not a variable-name prefix
corps-bad-prefix-help = use capital letters, digits and _, e.g. env_prefix = "HQ_"
corps-at = at line { $line }, column { $column };{" "}
corps-no-file = --corp { $name }: there is no { $file } in this folder
corps-no-file-help = run from the repository's root, where wecom-checkin.toml names the corps (README: several corps)
corps-not-for-command = --corp is for validate, plan, apply, import, pull and explain
corps-unknown = --corp { $name }: { $file } has no such corp
corps-unknown-help = its corps: { $names }
corps-refuse = { $why }, and { $file } names { $n } corps
corps-refuse-help = pass --corp NAME, one of: { $names }
corps-why-one = this command runs for one corp
corps-why-paths = paths (or --live) were given
corps-why-json = a JSON or SARIF output is one document
corps-no-program = cannot find this program to run it per corp: { $error }
corps-cannot-run = cannot run this program again: { $error }

## Plan errors and notes (plan/build.rs, plan/matching.rs, commands/plan.rs, cli.rs)

plan-readonly-missing = readonly rule "{ $name }" does not exist live
plan-readonly-missing-help = a readonly rule documents a live rule: pin its groupid, or remove `readonly`
plan-live-rule = live rule { $groupid } ({ $reason })
plan-live-rule-help = run with { $flag } to delete groupid { $groupid }, or rename one of the rules
plan-pinned-missing = groupid { $groupid } is pinned but no live rule has it (deleted in the admin console?)
plan-pinned-missing-help = remove `groupid` to create the rule anew, or pin the groupid of the live rule it describes
err-url-scheme = the scheme is { $scheme }
err-url-userinfo = it has a user name or password
plan-saved = saved the plan to { $path }
err-now = not an RFC 3339 time ({ $error }); write e.g. 2027-01-01T00:00:00+08:00

## Matching files to live rules (plan/matching.rs)

plan-pinned-renamed = groupid { $groupid } is pinned but no live rule has it; live rule { $live } has this groupname, and the file is matched with it
plan-pinned-renamed-help = pin the new groupid in the file (`apply --write-ids` writes it after a replacement)
plan-name-collision = groupname "{ $name }" is also the name of live rule { $groupid }, which another file describes
plan-name-collision-help = rename one of them: after an add the tool finds the new rule by its name

## Notes on imported rules (comments in the files import writes)

import-file-header = Imported from live rule groupid { $groupid } ({ $source }) by wecom-checkin import.
import-note-noneed-offwork = checkindate[{ $i }].noneed_offwork: { $value } is an old field; its current form is checkintime[].no_need_checkoff: { $value }.
import-note-flex-time = checkindate[{ $i }].flex_time: { $ms } ms is an old field; its current form is allow_flex with flex_on_duty_time / flex_off_duty_time ({ $duration }).
import-note-no-current-form = checkindate[{ $i }].{ $field } is an old field with no exact current form (the check-in windows are earliest/latest_*_sec): kept, never sent.
import-note-ot-info = ot_info is the old overtime field with no exact current form: kept, never sent; describe overtime in ot_info_v2.
import-note-keep-live = keep_live lists { $n } value(s) made in the admin console that the write API rejects. They stay as they are while unchanged; a change to their top-level field sends it whole, so fix them first.
live-note-milliseconds = { $at }.{ $field }: { $value } read as milliseconds ({ $seconds } s)

## Asides in plan lines: "name (groupid 1, file)"

aside = {" "}({ $what })
clause-separator = {", "}

## schema, man and the runtime (commands/schema.rs, commands/man.rs, pipeline.rs)

schema-missing = { $path } is missing
schema-stale = { $path } is stale: it differs from the schema this version generates
schema-run-help = {"  "}help: run `wecom-checkin schema` and commit the file
schema-up-to-date = { $path } is up to date
wrote-file = wrote { $path }
man-cannot-render = cannot render { $path }: { $error }
man-wrote = wrote { $n } man pages to { $folder }
err-in-file = { $path }: { $error }
err-runtime = cannot start the async runtime: { $error }

## The emulator (commands/emulate.rs, emulator/mod.rs)

emu-not-json = { $path } is not JSON: { $error }
emu-unknown-endpoint = unknown endpoint { $name }
emu-one-of = one of: { $names }
emu-rate-limit-form = --rate-limit { $spec }: write ENDPOINT=PER_MINUTE
emu-rate-limit-number = --rate-limit { $spec }: { $n } is not a number
emu-fault-form = --fault { $spec }: write ENDPOINT=FAULT[xN]
emu-fault-unknown = --fault { $spec }: unknown fault
emu-fault-help = one of -1, 45009, 301070, http500, slow:MS, drop
emu-seeded = seeded { $n } rules from { $path }
emu-seeded-console = seeded { $n } rules from { $path } (made in the admin console)
emu-seeded-rosters = seeded { $n } roster cells from { $path }
emu-cannot-listen = cannot listen on { $addr }: { $error }
emu-cannot-watch = cannot watch for Ctrl-C: { $error }
emu-listening = wecom-checkin emulator listening on http://{ $addr }
emu-ctrl-c = Ctrl-C stops it.
emu-failed = emulator stopped: { $error }
emu-stopped = emulator stopped
emu-cannot-save = emulator: cannot save the state to { $path }: { $error }

## The working day as a picture (plan/times.rs, the markdown gantt)

gantt-when = { $when ->
    [before] before
   *[after] after
}
gantt-check-in = check in
gantt-work = work
gantt-rest = rest
gantt-check-out = check out

## A write whose answer was lost (apply.rs), and --write-ids

settle-lost = { $rule } { $endpoint }: the answer was lost ({ $error }); re-reading live state to see whether it was applied
settle-applied = { $rule } { $endpoint }: live state shows it was applied; not made again
settle-again = { $rule } { $endpoint }: live state shows it was not applied; making it again (attempt { $round }/{ $rounds })
settle-unknown = { $error }; the outcome is unknown and live state could not be re-read ({ $read }): run `wecom-checkin plan` to see what happened
settle-gave-up = { $error }; not applied after { $rounds } attempts whose answers were lost
differs-call = { $endpoint } for "{ $rule }"
write-ids-wrote = wrote groupid { $id } into { $file }
write-ids-failed = could not write groupid { $id } into { $file }: { $error }

## Plan errors: grouptype changes, fields the API cannot empty, live settings a write would erase (plan/build.rs, plan/diff.rs)

plan-grouptype-change = changing grouptype { $from } → { $to } replaces the rule (add the new, then delete the old)
plan-grouptype-change-help = run with --allow-replace if that is what you want, or keep the grouptype
plan-would-become-empty = { $path } would become empty
plan-not-expressible-help = the API cannot empty this field: keep at least one entry, or change it in the admin console (then `wecom-checkin pull` to record it)
plan-would-erase = sending { $field } would erase what live holds at { $paths } and this file does not
plan-would-erase-help = these are settings newer than this file (made in the admin console, or fields this version does not know): run `wecom-checkin import --force` for this rule, or copy them into the file from `wecom-checkin pull`; to switch one off, write it with its off value (e.g. enable_weekday_recurrence: false)

## A rule and its fields, in the plan's lists

rule-fields = { $name }: { $fields }

## A saved plan whose calls are not the tool's (plan/mod.rs, client/write.rs)

saved-call = the call for { $rule }: { $error }
saved-call-endpoint = apply never calls { $endpoint }
saved-call-body = the body of { $endpoint } is not what the tool sends: { $error }

## A roster cell with no shift before the change

roster-no-shift = (none)

## Each corp's section when the tool runs over several

corps-heading = === corp { $name } ===
corps-heading-markdown = ## corp `{ $name }`

## What to do, in GitHub annotations and SARIF (diag/render.rs)

diag-help-line = help: { $help }
diag-with-help = { $message } (help: { $help })

## A plan refused for invalid rule files (commands/plan.rs)

plan-refused-files = Plan refused: the rule files have { $n } { $n ->
    [one] error
   *[other] errors
}; `wecom-checkin validate` shows them all.

## A corp whose run could not start

corps-cannot-run-for = cannot run this program for corp { $name }: { $error }
