#!/usr/bin/env bash
# Usage: json_schema_test.sh COLOPHON SOURCE_DIR. The document JSON of every HTML and PDF sample
# (and one scan), a batch's JSON outputs and its corpus lines all validate against
# schemas/colophon-document.schema.json; records with a renamed field are refused.
set -uo pipefail
colophon="$1"
src="$2"
schema="$src/schemas/colophon-document.schema.json"
validate="python3 $src/tests/cli/validate_json.py $schema"
source "$src/tests/support/checks.sh"
python3 -c "import jsonschema" 2>/dev/null || { echo "SKIP: python3-jsonschema is not installed"; exit 77; }

# 1. colophon convert --to json on the samples
mkdir -p "$work/convert"
for f in "$src"/samples/html/*/input.html "$src"/samples/pdf/*/input.pdf "$src"/samples/ocr/scanned-page/input.*; do
  case_name=$(basename "$(dirname "$f")")
  "$colophon" convert "$f" --to json -o "$work/convert/$case_name.json" 2>/dev/null
done
check "every sample's document JSON is valid" $validate "$work"/convert/*.json

# 2. a batch with a catalogue: its JSON outputs and its corpus lines
mkdir -p "$work/shelf"
cp "$src/samples/html/news-site/input.html" "$work/shelf/news.html"
cp "$src/samples/pdf/endnotes/input.pdf" "$work/shelf/endnotes.pdf"
printf 'path,identifier,rights,collection\nnews.html,news-1,CC BY 4.0,Harbour papers\nendnotes.pdf,endnotes-1,,\n' \
  >"$work/shelf/catalogue.csv"
"$colophon" batch --manifest "$work/shelf/catalogue.csv" -o "$work/out" --to json --jobs 1 \
  --corpus "$work/out/corpus.jsonl.gz" -q 2>/dev/null
mapfile -t outputs < <(find "$work/out" -name '*.json' ! -name 'report.json' ! -path '*/.colophon/*')
check "the batch wrote both JSON outputs" test "${#outputs[@]}" -eq 2
check "the batch's JSON outputs are valid" $validate "${outputs[@]}"
check "the corpus lines are valid" $validate "$work/out/corpus.jsonl.gz"
check "the corpus carries the catalogue's rights" bash -c "zcat '$work/out/corpus.jsonl.gz' | grep -q '\"rights\":\"CC BY 4.0\"'"

# 3. the schema refuses what it must
doc=$(ls "$work"/convert/*.json | head -1)
python3 - "$doc" "$work" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
renamed = dict(d); renamed["footnotes"] = renamed.pop("notes")
json.dump(renamed, open(sys.argv[2] + "/renamed.json", "w"))
mixed = dict(d); mixed["id"] = "x"; mixed["key"] = "x"
json.dump(mixed, open(sys.argv[2] + "/mixed.json", "w"))
no_text = dict(d); no_text.pop("text")
json.dump(no_text, open(sys.argv[2] + "/no-text.json", "w"))
PY
for bad in renamed mixed no-text; do
  check "a record that is $bad is refused" bash -c "! $validate '$work/$bad.json' >/dev/null"
done

finish
