<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FilterExpression</name>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>a hash key</source>
        <translation>ein Hash-Schlüssel</translation>
    </message>
    <message>
        <source>a sequence number</source>
        <translation>eine Sequenznummer</translation>
    </message>
    <message>
        <source>a shard number</source>
        <translation>eine Shard-Nummer</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>eine Zeitangabe</translation>
    </message>
    <message>
        <source>a number of bytes</source>
        <translation>eine Anzahl Bytes</translation>
    </message>
    <message>
        <source>the payload</source>
        <translation>die Nutzdaten</translation>
    </message>
    <message>
        <source>a JSON value</source>
        <translation>ein JSON-Wert</translation>
    </message>
    <message>
        <source>use &apos;==&apos; to compare</source>
        <translation>zum Vergleichen &apos;==&apos; verwenden</translation>
    </message>
    <message>
        <source>use &apos;&amp;&amp;&apos;</source>
        <translation>&apos;&amp;&amp;&apos; verwenden</translation>
    </message>
    <message>
        <source>use &apos;||&apos;</source>
        <translation>&apos;||&apos; verwenden</translation>
    </message>
    <message>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected four hex digits after &apos;\u&apos;</source>
        <translation>nach &apos;\u&apos; werden vier Hexadezimalziffern erwartet</translation>
    </message>
    <message>
        <source>unknown escape &apos;\%1&apos; in a string</source>
        <translation>unbekannte Escape-Sequenz &apos;\%1&apos; in einer Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated regular expression</source>
        <translation>nicht abgeschlossener regulärer Ausdruck</translation>
    </message>
    <message>
        <source>invalid time &apos;%1&apos;; write it like 2026-11-26T10:00:00Z</source>
        <translation>ungültige Zeitangabe &apos;%1&apos;; schreiben Sie sie z. B. als 2026-11-26T10:00:00Z</translation>
    </message>
    <message>
        <source>unknown size suffix &apos;%1&apos;; use k, m or g</source>
        <translation>unbekanntes Größensuffix &apos;%1&apos;; verwenden Sie k, m oder g</translation>
    </message>
    <message>
        <source>invalid number &apos;%1&apos;</source>
        <translation>ungültige Zahl &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected a key after &apos;.&apos;</source>
        <translation>nach &apos;.&apos; wird ein Schlüssel erwartet</translation>
    </message>
    <message>
        <source>index too large</source>
        <translation>Index zu groß</translation>
    </message>
    <message>
        <source>expected an index or a quoted key after &apos;[&apos;</source>
        <translation>nach &apos;[&apos; wird ein Index oder ein Schlüssel in Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>expected &apos;]&apos;</source>
        <translation>&apos;]&apos; erwartet</translation>
    </message>
    <message>
        <source>unexpected &apos;)&apos;</source>
        <translation>unerwartetes &apos;)&apos;</translation>
    </message>
    <message>
        <source>expected &apos;&amp;&amp;&apos; or &apos;||&apos; before &apos;%1&apos;</source>
        <translation>vor &apos;%1&apos; wird &apos;&amp;&amp;&apos; oder &apos;||&apos; erwartet</translation>
    </message>
    <message>
        <source>the filter is nested too deeply</source>
        <translation>der Filter ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation>&apos;)&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a field after &apos;%1&apos;</source>
        <translation>nach &apos;%1&apos; wird ein Feld erwartet</translation>
    </message>
    <message>
        <source>expected a field, not &apos;%1&apos;</source>
        <translation>Feld erwartet, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos;; did you mean &apos;%2&apos;?</source>
        <translation>unbekanntes Feld &apos;%1&apos;; meinten Sie &apos;%2&apos;?</translation>
    </message>
    <message>
        <source>only data has JSON paths, as in data.status</source>
        <translation>nur data hat JSON-Pfade, wie in data.status</translation>
    </message>
    <message>
        <source>expected an operator after &apos;%1&apos;</source>
        <translation>nach &apos;%1&apos; wird ein Operator erwartet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be used with %2 (%3)</source>
        <translation>&apos;%1&apos; kann nicht mit %2 (%3) verwendet werden</translation>
    </message>
    <message>
        <source>expected &apos;(&apos; after &apos;in&apos;</source>
        <translation>nach &apos;in&apos; wird &apos;(&apos; erwartet</translation>
    </message>
    <message>
        <source>the list is empty</source>
        <translation>die Liste ist leer</translation>
    </message>
    <message>
        <source>expected &apos;,&apos; or &apos;)&apos; in the list</source>
        <translation>in der Liste wird &apos;,&apos; oder &apos;)&apos; erwartet</translation>
    </message>
    <message>
        <source>expected a value after &apos;%1&apos;</source>
        <translation>nach &apos;%1&apos; wird ein Wert erwartet</translation>
    </message>
    <message>
        <source>expected /regex/ or a string after &apos;matches&apos;</source>
        <translation>nach &apos;matches&apos; wird /regex/ oder eine Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>a /regex/ can only follow &apos;matches&apos;</source>
        <translation>ein /regex/ ist nur nach &apos;matches&apos; erlaubt</translation>
    </message>
    <message>
        <source>%1 needs text in quotes, such as %2</source>
        <translation>%1 erwartet Text in Anführungszeichen, z. B. %2</translation>
    </message>
    <message>
        <source>seq needs a decimal sequence number, such as 49590338271490256608559692538361571095921575989136588898</source>
        <translation>seq erwartet eine dezimale Sequenznummer, z. B. 49590338271490256608559692538361571095921575989136588898</translation>
    </message>
    <message>
        <source>ehk needs a decimal hash key, such as 170141183460469231731687303715884105728</source>
        <translation>ehk erwartet einen dezimalen Hash-Schlüssel, z. B. 170141183460469231731687303715884105728</translation>
    </message>
    <message>
        <source>shard needs a shard number such as 3 or a shard id such as &quot;shardId-000000000003&quot;</source>
        <translation>shard erwartet eine Shard-Nummer wie 3 oder eine Shard-ID wie &quot;shardId-000000000003&quot;</translation>
    </message>
    <message>
        <source>time needs a time such as 2026-11-26T10:00:00Z</source>
        <translation>time erwartet eine Zeitangabe wie 2026-11-26T10:00:00Z</translation>
    </message>
    <message>
        <source>size needs a number of bytes such as 1024 or 1k</source>
        <translation>size erwartet eine Anzahl Bytes wie 1024 oder 1k</translation>
    </message>
    <message>
        <source>JSON values compare with text, numbers, true, false or null; put a time in quotes to compare it as text</source>
        <translation>JSON-Werte lassen sich mit Text, Zahlen, true, false oder null vergleichen; setzen Sie eine Zeitangabe in Anführungszeichen, um sie als Text zu vergleichen</translation>
    </message>
    <message>
        <source>&apos;%1&apos; compares numbers or text</source>
        <translation>&apos;%1&apos; vergleicht Zahlen oder Text</translation>
    </message>
    <message>
        <source>unknown regular expression flag &apos;%1&apos;; use i, s, m or x</source>
        <translation>unbekanntes Flag &apos;%1&apos; für reguläre Ausdrücke; verwenden Sie i, s, m oder x</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>ungültiger regulärer Ausdruck: %1</translation>
    </message>
    <message>
        <source>A value in the JSON payload, e.g. data.items[0].sku</source>
        <translation>Ein Wert in den JSON-Nutzdaten, z. B. data.items[0].sku</translation>
    </message>
    <message>
        <source>The partition key (text)</source>
        <translation>Der Partitionsschlüssel (Text)</translation>
    </message>
    <message>
        <source>The explicit hash key (decimal; &quot;&quot; when the record has none)</source>
        <translation>Der explizite Hash-Schlüssel (dezimal; &quot;&quot;, wenn der Datensatz keinen hat)</translation>
    </message>
    <message>
        <source>The sequence number (decimal)</source>
        <translation>Die Sequenznummer (dezimal)</translation>
    </message>
    <message>
        <source>The shard&apos;s index, e.g. 3 for shardId-000000000003</source>
        <translation>Der Index des Shards, z. B. 3 für shardId-000000000003</translation>
    </message>
    <message>
        <source>The arrival time, e.g. 2026-11-26T10:00:00Z</source>
        <translation>Die Ankunftszeit, z. B. 2026-11-26T10:00:00Z</translation>
    </message>
    <message>
        <source>The payload size in bytes; 1k = 1024</source>
        <translation>Die Größe der Nutzdaten in Bytes; 1k = 1024</translation>
    </message>
    <message>
        <source>The payload: compare as text, search bytes, or match a regex</source>
        <translation>Die Nutzdaten: als Text vergleichen, nach Bytes suchen oder mit einem regulären Ausdruck abgleichen</translation>
    </message>
</context>
<context>
    <name>KplAggregation</name>
    <message>
        <source>Truncated protobuf: the varint at byte %1 runs past the end of the message</source>
        <translation>Abgeschnittenes Protobuf: Der Varint bei Byte %1 reicht über das Ende der Nachricht hinaus</translation>
    </message>
    <message>
        <source>Malformed protobuf: the varint at byte %1 does not fit in 64 bits</source>
        <translation>Fehlerhaftes Protobuf: Der Varint bei Byte %1 passt nicht in 64 Bit</translation>
    </message>
    <message>
        <source>Malformed protobuf: invalid field number %1 at byte %2</source>
        <translation>Fehlerhaftes Protobuf: ungültige Feldnummer %1 bei Byte %2</translation>
    </message>
    <message>
        <source>Malformed protobuf: unsupported wire type %1 at byte %2</source>
        <translation>Fehlerhaftes Protobuf: nicht unterstützter Wire-Typ %1 bei Byte %2</translation>
    </message>
    <message>
        <source>Truncated protobuf: the field at byte %1 declares %2 bytes, but only %3 remain</source>
        <translation>Abgeschnittenes Protobuf: Das Feld bei Byte %1 gibt %2 Bytes an, es verbleiben aber nur %3</translation>
    </message>
    <message>
        <source>Truncated protobuf: the fixed-width field at byte %1 runs past the end of the message</source>
        <translation>Abgeschnittenes Protobuf: Das Feld fester Breite bei Byte %1 reicht über das Ende der Nachricht hinaus</translation>
    </message>
    <message>
        <source>Malformed protobuf: field %1 (%2) at byte %3 has the wrong wire type %4</source>
        <translation>Fehlerhaftes Protobuf: Feld %1 (%2) bei Byte %3 hat den falschen Wire-Typ %4</translation>
    </message>
    <message>
        <source>The tag at byte %1 has no key</source>
        <translation>Das Tag bei Byte %1 hat keinen Schlüssel</translation>
    </message>
    <message>
        <source>Not a KPL aggregated record: it does not start with the magic number F3 89 9A C2</source>
        <translation>Kein aggregierter KPL-Datensatz: Er beginnt nicht mit der magischen Zahl F3 89 9A C2</translation>
    </message>
    <message>
        <source>Truncated KPL record: %1 bytes is too short for the magic number and the MD5 checksum</source>
        <translation>Abgeschnittener KPL-Datensatz: %1 Bytes sind zu kurz für die magische Zahl und die MD5-Prüfsumme</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) has no partition_key_index</source>
        <translation>Unterdatensatz %1 (Byte %2) hat keinen partition_key_index</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) has no data</source>
        <translation>Unterdatensatz %1 (Byte %2) hat keine Daten</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) uses partition key %3, but the table has %4</source>
        <translation>Unterdatensatz %1 (Byte %2) verwendet Partitionsschlüssel %3, die Tabelle enthält aber %4</translation>
    </message>
    <message>
        <source>Sub-record %1 (byte %2) uses explicit hash key %3, but the table has %4</source>
        <translation>Unterdatensatz %1 (Byte %2) verwendet expliziten Hash-Schlüssel %3, die Tabelle enthält aber %4</translation>
    </message>
    <message>
        <source>User record %1: the partition key must have 1 to %2 characters</source>
        <translation>Benutzerdatensatz %1: Der Partitionsschlüssel muss 1 bis %2 Zeichen lang sein</translation>
    </message>
    <message>
        <source>User record %1: the explicit hash key must be a decimal number from 0 to 2^128 - 1</source>
        <translation>Benutzerdatensatz %1: Der explizite Hash-Schlüssel muss eine Dezimalzahl von 0 bis 2^128 - 1 sein</translation>
    </message>
    <message>
        <source>User record %1: a tag has an empty key</source>
        <translation>Benutzerdatensatz %1: Ein Tag hat einen leeren Schlüssel</translation>
    </message>
</context>
<context>
    <name>PayloadDecoder</name>
    <message>
        <source>The decompressor could not start.</source>
        <translation>Der Dekomprimierer konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>The compressed stream is truncated.</source>
        <translation>Der komprimierte Datenstrom ist abgeschnitten.</translation>
    </message>
    <message>
        <source>The compressed stream needs a preset dictionary.</source>
        <translation>Der komprimierte Datenstrom benötigt ein voreingestelltes Wörterbuch.</translation>
    </message>
    <message>
        <source>Out of memory while decompressing.</source>
        <translation>Nicht genügend Speicher beim Dekomprimieren.</translation>
    </message>
    <message>
        <source>The compressed stream is corrupt: %1.</source>
        <translation>Der komprimierte Datenstrom ist beschädigt: %1.</translation>
    </message>
    <message>
        <source>Not base64: the text contains &quot;%1&quot;.</source>
        <translation>Kein Base64: Der Text enthält &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Not base64: the length does not fit whole bytes.</source>
        <translation>Kein Base64: Die Länge ergibt keine ganzen Bytes.</translation>
    </message>
    <message>
        <source>Not base64: the text contains characters outside the base64 alphabet.</source>
        <translation>Kein Base64: Der Text enthält Zeichen außerhalb des Base64-Alphabets.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>KPL aggregate</source>
        <translation>KPL-Aggregat</translation>
    </message>
    <message>
        <source>gzip</source>
        <translation>gzip</translation>
    </message>
    <message>
        <source>zlib</source>
        <translation>zlib</translation>
    </message>
    <message>
        <source>KPL</source>
        <translation>KPL</translation>
    </message>
    <message>
        <source>1 sub-record</source>
        <translation>1 Unterdatensatz</translation>
    </message>
    <message>
        <source>%L1 sub-records</source>
        <translation>%L1 Unterdatensätze</translation>
    </message>
    <message>
        <source>The KPL record&apos;s MD5 checksum does not match its contents; the KCL would not de-aggregate it.</source>
        <translation>Die MD5-Prüfsumme des KPL-Datensatzes passt nicht zu seinem Inhalt; die KCL würde ihn nicht deaggregieren.</translation>
    </message>
    <message>
        <source>The payload starts like a KPL aggregated record, but: %1</source>
        <translation>Die Nutzdaten beginnen wie ein aggregierter KPL-Datensatz, aber: %1</translation>
    </message>
    <message>
        <source>More than %1 layers of compression; the rest is shown as it is.</source>
        <translation>Mehr als %1 Komprimierungsebenen; der Rest wird unverändert angezeigt.</translation>
    </message>
    <message>
        <source>The payload starts like gzip, but: %1</source>
        <translation>Die Nutzdaten beginnen wie gzip, aber: %1</translation>
    </message>
    <message>
        <source>The %1 stream inflates to more than %2 bytes; only the first %2 are shown.</source>
        <translation>Der %1-Datenstrom wird auf mehr als %2 Bytes entpackt; nur die ersten %2 werden angezeigt.</translation>
    </message>
    <message>
        <source>%1 bytes after the end of the %2 stream were ignored.</source>
        <translation>%1 Bytes nach dem Ende des %2-Datenstroms wurden ignoriert.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shardscope: a desktop stream explorer and emulator for Amazon Kinesis Data Streams.</source>
        <translation>Shardscope: ein Desktop-Stream-Explorer und -Emulator für Amazon Kinesis Data Streams.</translation>
    </message>
    <message>
        <source>Emulator database file (default: %1).</source>
        <translation>Datenbankdatei des Emulators (Standard: %1).</translation>
    </message>
    <message>
        <source>Keep the emulator&apos;s data in memory only; it is gone when the app exits.</source>
        <translation>Die Daten des Emulators nur im Arbeitsspeicher halten; sie gehen beim Beenden der App verloren.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to &lt;path&gt; once it has settled, then quit.</source>
        <translation>Ein PNG des Hauptfensters unter &lt;path&gt; speichern, sobald es fertig aufgebaut ist, dann beenden.</translation>
    </message>
    <message>
        <source>With --screenshot: how long to let the window run first (default 1.5).</source>
        <translation>Mit --screenshot: wie lange das Fenster vorher laufen soll (Standard: 1.5).</translation>
    </message>
    <message>
        <source>Run headless: serve the emulator with the Kinesis wire protocol and print its URL.</source>
        <translation>Ohne Oberfläche ausführen: den Emulator über das Kinesis-Wire-Protokoll bereitstellen und seine URL ausgeben.</translation>
    </message>
    <message>
        <source>Port to serve on (default 4567; 0 picks a free port).</source>
        <translation>Port für die Bereitstellung (Standard: 4567; 0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>Address to serve on (default 127.0.0.1).</source>
        <translation>Adresse für die Bereitstellung (Standard: 127.0.0.1).</translation>
    </message>
    <message>
        <source>With --serve: create this stream at start if it does not exist (repeatable).</source>
        <translation>Mit --serve: diesen Stream beim Start anlegen, falls er nicht existiert (wiederholbar).</translation>
    </message>
    <message>
        <source>How long streams stay CREATING, UPDATING and DELETING (default 500).</source>
        <translation>Wie lange Streams in CREATING, UPDATING und DELETING bleiben (Standard: 500).</translation>
    </message>
    <message>
        <source>With --serve: verify every request&apos;s SigV4 signature against the configured keys (--access-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).</source>
        <translation>Mit --serve: die SigV4-Signatur jeder Anfrage gegen die konfigurierten Schlüssel prüfen (--access-key oder AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY).</translation>
    </message>
    <message>
        <source>With --require-auth: an accepted key pair (repeatable).</source>
        <translation>Mit --require-auth: ein akzeptiertes Schlüsselpaar (wiederholbar).</translation>
    </message>
    <message>
        <source>Region of the emulator&apos;s ARNs and signatures (default us-east-1).</source>
        <translation>Region der ARNs und Signaturen des Emulators (Standard: us-east-1).</translation>
    </message>
    <message>
        <source>Do not enforce Kinesis&apos;s per-shard throughput limits in the emulator (1 MiB/s and 1,000 records/s written, 5 reads/s and 2 MiB/s read).</source>
        <translation>Die Durchsatzgrenzen von Kinesis je Shard im Emulator nicht durchsetzen (1 MiB/s und 1.000 Datensätze/s schreibend, 5 Lesevorgänge/s und 2 MiB/s lesend).</translation>
    </message>
    <message>
        <source>Do not trickle sample events into the demo stream in this session.</source>
        <translation>In dieser Sitzung keine Beispielereignisse in den Demo-Stream einspeisen.</translation>
    </message>
    <message>
        <source>Open this stream of the local emulator at start.</source>
        <translation>Diesen Stream des lokalen Emulators beim Start öffnen.</translation>
    </message>
    <message>
        <source>With --serve: serve https with a self-signed certificate, kept next to the database (or temporary with --in-memory); its path is printed for clients to trust.</source>
        <translation>Mit --serve: über HTTPS mit einem selbstsignierten Zertifikat bereitstellen, das neben der Datenbank abgelegt wird (bzw. temporär mit --in-memory); sein Pfad wird ausgegeben, damit Clients ihm vertrauen können.</translation>
    </message>
    <message>
        <source>Shardscope</source>
        <translation>Shardscope</translation>
    </message>
    <message>
        <source>The emulator database could not be opened:
%1</source>
        <translation>Die Emulator-Datenbank konnte nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>Local emulator</source>
        <translation>Lokaler Emulator</translation>
    </message>
    <message>
        <source>With --stream: start reading its records from the trim horizon.</source>
        <translation>Mit --stream: seine Datensätze ab dem Trim Horizon lesen.</translation>
    </message>
    <message>
        <source>With --tail: apply this record filter once reading has started.</source>
        <translation>Mit --tail: diesen Datensatzfilter anwenden, sobald das Lesen begonnen hat.</translation>
    </message>
    <message>
        <source>With --tail: show row N of the records table in the inspector once it is there.</source>
        <translation>Mit --tail: Zeile N der Datensatztabelle im Inspektor zeigen, sobald es sie gibt.</translation>
    </message>
    <message>
        <source>Open the window at this size in pixels, e.g. 1440x1000.</source>
        <translation>Das Fenster in dieser Größe in Pixeln öffnen, z. B. 1440x1000.</translation>
    </message>
    <message>
        <source>Start a load generator on a stream of the local emulator and show the Producers page: STREAM:RATE[:uniform|hot|zipf] (hot: one key takes half of the records).</source>
        <translation>Einen Lastgenerator auf einem Stream des lokalen Emulators starten und die Producer-Seite zeigen: STREAM:RATE[:uniform|hot|zipf] (hot: ein Schlüssel erhält die Hälfte der Datensätze).</translation>
    </message>
    <message>
        <source>With --stream: the tab to show (overview, shards, records, metrics or consumers).</source>
        <translation>Mit --stream: die anzuzeigende Registerkarte (overview, shards, records, metrics oder consumers).</translation>
    </message>
    <message>
        <source>The look for this run: system, light or dark (default: the one chosen in Settings).</source>
        <translation>Das Erscheinungsbild für diesen Start: system, light oder dark (Vorgabe: das in den Einstellungen gewählte).</translation>
    </message>
</context>
<context>
    <name>shardscope::AccountSettingsDialog</name>
    <message>
        <source>an unknown time</source>
        <translation>einem unbekannten Zeitpunkt</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Minimum throughput billing commitment</source>
        <translation>&amp;Mindestdurchsatz-Abrechnungszusage</translation>
    </message>
    <message>
        <source>Account Settings — %1</source>
        <translation>Kontoeinstellungen — %1</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>On-demand streams:</source>
        <translation>On-Demand-Streams:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Enabled since %1; it can end from %2.</source>
        <translation>Aktiv seit %1; kann ab %2 enden.</translation>
    </message>
    <message>
        <source>Enabled until %1, then it ends.</source>
        <translation>Aktiv bis %1, danach endet sie.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>A commitment to a minimum throughput of the account&apos;s on-demand streams, billed whether used or not; warm throughput needs it.</source>
        <translation>Eine Zusage eines Mindestdurchsatzes für die On-Demand-Streams des Kontos, die berechnet wird, ob genutzt oder nicht; Warm-Durchsatz setzt sie voraus.</translation>
    </message>
    <message>
        <source>The commitment keeps running instead of ending.</source>
        <translation>Die Zusage läuft weiter, statt zu enden.</translation>
    </message>
    <message>
        <source>Once enabled, the commitment runs for at least 24 hours.</source>
        <translation>Einmal aktiviert, läuft die Zusage mindestens 24 Stunden.</translation>
    </message>
    <message>
        <source>The commitment ends at its earliest allowed end, or now if that has passed.</source>
        <translation>Die Zusage endet zum frühestmöglichen Ende oder sofort, falls dieses schon vorbei ist.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
</context>
<context>
    <name>shardscope::ActivityModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>shardscope::AddConnectionDialog</name>
    <message>
        <source>access keys in the shared files</source>
        <translation>Zugriffsschlüssel in den gemeinsamen Dateien</translation>
    </message>
    <message>
        <source>assumes a role through STS</source>
        <translation>übernimmt eine Rolle über STS</translation>
    </message>
    <message>
        <source>IAM Identity Center (SSO); run “aws sso login” first</source>
        <translation>IAM Identity Center (SSO); zuerst „aws sso login“ ausführen</translation>
    </message>
    <message>
        <source>credentials from an external process</source>
        <translation>Anmeldedaten aus einem externen Prozess</translation>
    </message>
    <message>
        <source>no credentials of its own (environment or instance)</source>
        <translation>keine eigenen Anmeldedaten (Umgebung oder Instanz)</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>Access &amp;keys</source>
        <translation>Zugriffs&amp;schlüssel</translation>
    </message>
    <message>
        <source>&amp;None (local endpoint)</source>
        <translation>&amp;Keine (lokaler Endpunkt)</translation>
    </message>
    <message>
        <source>Access key &amp;ID:</source>
        <translation>Zugriffsschlüssel-&amp;ID:</translation>
    </message>
    <message>
        <source>Secret &amp;access key:</source>
        <translation>&amp;Geheimer Zugriffsschlüssel:</translation>
    </message>
    <message>
        <source>Session to&amp;ken:</source>
        <translation>Sitzungs&amp;token:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Read-only</source>
        <translation>Nur &amp;lesen</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Edit AWS Connection — %1</source>
        <translation>AWS-Verbindung bearbeiten — %1</translation>
    </message>
    <message>
        <source>Add AWS Connection</source>
        <translation>AWS-Verbindung hinzufügen</translation>
    </message>
    <message>
        <source>e.g. Production (eu-west-1)</source>
        <translation>z. B. Produktion (eu-west-1)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Use a profile of ~/.aws/config and ~/.aws/credentials, as the AWS CLI does (keys, SSO, assumed roles, processes).</source>
        <translation>Ein Profil aus ~/.aws/config und ~/.aws/credentials verwenden, wie die AWS CLI (Schlüssel, SSO, übernommene Rollen, Prozesse).</translation>
    </message>
    <message>
        <source>Type an access key; the secret is kept in the system keychain, never in Shardscope&apos;s settings.</source>
        <translation>Einen Zugriffsschlüssel eingeben; das Geheimnis liegt im Systemschlüsselbund, nie in den Einstellungen von Shardscope.</translation>
    </message>
    <message>
        <source>For kinesalite, LocalStack or another Shardscope that does not check signatures.</source>
        <translation>Für kinesalite, LocalStack oder ein anderes Shardscope, das keine Signaturen prüft.</translation>
    </message>
    <message>
        <source>Pro&amp;file:</source>
        <translation>Pro&amp;fil:</translation>
    </message>
    <message>
        <source>AKIA…</source>
        <translation>AKIA…</translation>
    </message>
    <message>
        <source>Unchanged (kept in the system keychain)</source>
        <translation>Unverändert (im Systemschlüsselbund)</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>Wird im Systemschlüsselbund aufbewahrt</translation>
    </message>
    <message>
        <source>Optional, for temporary keys</source>
        <translation>Optional, für temporäre Schlüssel</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>Re&amp;gion:</translation>
    </message>
    <message>
        <source>&amp;Endpoint URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <source>Optional PEM file of extra certificate authorities</source>
        <translation>Optionale PEM-Datei mit zusätzlichen Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>&amp;CA bundle:</source>
        <translation>&amp;CA-Bundle:</translation>
    </message>
    <message>
        <source>Shardscope refuses every change on a read-only connection — creating, deleting, resharding, settings, putting and replaying records — so browsing a live account cannot alter it. Switch it off only where you mean to write.</source>
        <translation>Auf einer schreibgeschützten Verbindung lehnt Shardscope jede Änderung ab — Anlegen, Löschen, Resharding, Einstellungen, Schreiben und Wiedergeben von Datensätzen —, damit das Durchsehen eines Live-Kontos nichts verändert. Schalten Sie den Schutz nur aus, wo Sie schreiben wollen.</translation>
    </message>
    <message>
        <source>List the streams with these settings (ListStreams)</source>
        <translation>Die Streams mit diesen Einstellungen auflisten (ListStreams)</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>Anmeldedaten:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Enter a URL such as https://kinesis.eu-west-1.amazonaws.com or http://localhost:4567.</source>
        <translation>Geben Sie eine URL wie https://kinesis.eu-west-1.amazonaws.com oder http://localhost:4567 ein.</translation>
    </message>
    <message>
        <source>Use https:// for %1; plain http:// is only allowed for localhost, where nothing crosses the network.</source>
        <translation>Verwenden Sie https:// für %1; einfaches http:// ist nur für localhost erlaubt, wo nichts über das Netz geht.</translation>
    </message>
    <message>
        <source>The endpoint URL takes no query or fragment.</source>
        <translation>Die Endpunkt-URL darf keine Abfrage und kein Fragment enthalten.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No profiles in %1</source>
        <translation>Keine Profile in %1</translation>
    </message>
    <message>
        <source>%1 (not in the shared files)</source>
        <translation>%1 (nicht in den gemeinsamen Dateien)</translation>
    </message>
    <message>
        <source>Required, e.g. http://localhost:4567</source>
        <translation>Erforderlich, z. B. http://localhost:4567</translation>
    </message>
    <message>
        <source>Optional; the profile&apos;s endpoint_url, else AWS&apos;s for the region</source>
        <translation>Optional; endpoint_url des Profils, sonst der AWS-Endpunkt der Region</translation>
    </message>
    <message>
        <source>Optional; AWS&apos;s endpoint for the region</source>
        <translation>Optional; der AWS-Endpunkt der Region</translation>
    </message>
    <message>
        <source>This profile is not in the AWS shared files any more.</source>
        <translation>Dieses Profil steht nicht mehr in den gemeinsamen AWS-Dateien.</translation>
    </message>
    <message>
        <source>AWS %1 (%2)</source>
        <translation>AWS %1 (%2)</translation>
    </message>
    <message>
        <source>Enter a name for the connection.</source>
        <translation>Geben Sie einen Namen für die Verbindung ein.</translation>
    </message>
    <message>
        <source>Pick a profile.</source>
        <translation>Wählen Sie ein Profil.</translation>
    </message>
    <message>
        <source>Enter the access key ID.</source>
        <translation>Geben Sie die Zugriffsschlüssel-ID ein.</translation>
    </message>
    <message>
        <source>Enter the secret access key.</source>
        <translation>Geben Sie den geheimen Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>Enter the endpoint URL of the local service.</source>
        <translation>Geben Sie die Endpunkt-URL des lokalen Dienstes ein.</translation>
    </message>
    <message>
        <source>Enter a region such as eu-west-1.</source>
        <translation>Geben Sie eine Region wie eu-west-1 ein.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The connection list is closed.</source>
        <translation>Die Verbindungsliste ist geschlossen.</translation>
    </message>
    <message>
        <source>Listing streams…</source>
        <translation>Streams werden aufgelistet…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Connected: no streams in %1.</source>
        <translation>Verbunden: keine Streams in %1.</translation>
    </message>
    <message>
        <source>%1+ streams: %2</source>
        <translation>%1+ Streams: %2</translation>
    </message>
    <message>
        <source>1 stream: %1</source>
        <translation>1 Stream: %1</translation>
    </message>
    <message>
        <source>%1 streams: %2</source>
        <translation>%1 Streams: %2</translation>
    </message>
    <message>
        <source>No keychain is available to keep the secret in.</source>
        <translation>Es ist kein Schlüsselbund für das Geheimnis verfügbar.</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Die Verbindung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its streams stay where they are; Shardscope forgets the connection and deletes its secret from the system keychain.</source>
        <translation>Ihre Streams bleiben, wo sie sind; Shardscope vergisst die Verbindung und löscht ihr Geheimnis aus dem Systemschlüsselbund.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>CA Bundle</source>
        <translation>CA-Bundle</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsBackend</name>
    <message>
        <source>The answer to %1 could not be read: %2</source>
        <translation>Die Antwort auf %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1 without an error description.</source>
        <translation>Der Endpunkt antwortete mit HTTP %1 ohne Fehlerbeschreibung.</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1: %2</source>
        <translation>Der Endpunkt antwortete mit HTTP %1: %2</translation>
    </message>
    <message>
        <source>This build of Qt cannot use TLS, so the certificate %1 cannot be trusted.</source>
        <translation>Dieser Qt-Build kann kein TLS verwenden, daher kann dem Zertifikat %1 nicht vertraut werden.</translation>
    </message>
    <message>
        <source>No PEM certificate could be read from %1.</source>
        <translation>Aus %1 konnte kein PEM-Zertifikat gelesen werden.</translation>
    </message>
    <message>
        <source>The connection %1 was closed.</source>
        <translation>Die Verbindung %1 wurde geschlossen.</translation>
    </message>
    <message>
        <source>The connection %1 has no credentials: pick a profile or enter access keys.</source>
        <translation>Die Verbindung %1 hat keine Anmeldedaten: Wählen Sie ein Profil aus oder geben Sie Zugriffsschlüssel ein.</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>Die Verbindung %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 (retry %2)</source>
        <translation>%1 (Wiederholung %2)</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 war nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The clocks of this computer and %1 disagree; check the system time.</source>
        <translation>Die Uhren dieses Computers und von %1 weichen voneinander ab; prüfen Sie die Systemzeit.</translation>
    </message>
    <message>
        <source>Run `aws sso login --profile %1`, then try again.</source>
        <translation>Führen Sie `aws sso login --profile %1` aus und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>Renew the credentials of profile %1, then try again.</source>
        <translation>Erneuern Sie die Anmeldedaten von Profil %1 und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The credentials of %1 have expired: enter new ones.</source>
        <translation>Die Anmeldedaten von %1 sind abgelaufen: Geben Sie neue ein.</translation>
    </message>
    <message>
        <source>Check the access key ID of %1.</source>
        <translation>Prüfen Sie die Zugriffsschlüssel-ID von %1.</translation>
    </message>
    <message>
        <source>Check the access key ID of profile %1.</source>
        <translation>Prüfen Sie die Zugriffsschlüssel-ID von Profil %1.</translation>
    </message>
    <message>
        <source>Check the secret access key of %1.</source>
        <translation>Prüfen Sie den geheimen Zugriffsschlüssel von %1.</translation>
    </message>
    <message>
        <source>Check the secret access key of profile %1.</source>
        <translation>Prüfen Sie den geheimen Zugriffsschlüssel von Profil %1.</translation>
    </message>
    <message>
        <source>Check the credentials of %1.</source>
        <translation>Prüfen Sie die Anmeldedaten von %1.</translation>
    </message>
    <message>
        <source>Kinesis does not report how many records a shard holds, so %1 cannot show shard statistics.</source>
        <translation>Kinesis meldet nicht, wie viele Datensätze ein Shard enthält, daher kann %1 keine Shard-Statistiken anzeigen.</translation>
    </message>
    <message>
        <source>The records a shorter retention period would drop cannot be counted on %1: Kinesis does not report record counts.</source>
        <translation>Die Datensätze, die eine kürzere Aufbewahrungsdauer verwerfen würde, können auf %1 nicht gezählt werden: Kinesis meldet keine Datensatzanzahlen.</translation>
    </message>
    <message>
        <source>The credentials of %1 are no longer available.</source>
        <translation>Die Anmeldedaten von %1 sind nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>%1 does not offer AWS KMS (%2 is unknown there): enter the key&apos;s ARN or alias instead.</source>
        <translation>%1 bietet kein AWS KMS an (%2 ist dort unbekannt): Geben Sie stattdessen den ARN oder Alias des Schlüssels ein.</translation>
    </message>
    <message>
        <source>The credentials of %1 need the IAM permission %2.</source>
        <translation>Die Anmeldedaten von %1 benötigen die IAM-Berechtigung %2.</translation>
    </message>
    <message>
        <source>AWS managed key for Kinesis; AWS creates it the first time a stream is encrypted with it.</source>
        <translation>Von AWS verwalteter Schlüssel für Kinesis; AWS erstellt ihn, wenn zum ersten Mal ein Stream damit verschlüsselt wird.</translation>
    </message>
    <message>
        <source>An alias with the name %1 already exists.</source>
        <translation>Ein Alias mit dem Namen %1 existiert bereits.</translation>
    </message>
    <message>
        <source>The answer to %1 names no key.</source>
        <translation>Die Antwort auf %1 nennt keinen Schlüssel.</translation>
    </message>
    <message>
        <source>The key %1 was created, but not its alias.</source>
        <translation>Der Schlüssel %1 wurde erstellt, sein Alias jedoch nicht.</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsSubscription</name>
    <message>
        <source>The event stream from %1 could not be read: %2</source>
        <translation>Der Ereignisstrom von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>An event from %1 could not be read: %2</source>
        <translation>Ein Ereignis von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The event stream from %1 sent a message of unknown type &quot;%2&quot;.</source>
        <translation>Der Ereignisstrom von %1 hat eine Nachricht unbekannten Typs &quot;%2&quot; gesendet.</translation>
    </message>
    <message>
        <source>The subscription&apos;s connection to %1 broke: %2</source>
        <translation>Die Verbindung des Abonnements zu %1 ist abgebrochen: %2</translation>
    </message>
    <message>
        <source>The event stream from %1 ended in the middle of a message.</source>
        <translation>Der Ereignisstrom von %1 endete mitten in einer Nachricht.</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>%1 war nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsConfig</name>
    <message>
        <source>No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure`, or choose a profile.</source>
        <translation>Keine AWS-Anmeldedaten gefunden: Setzen Sie AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY, führen Sie `aws configure` aus oder wählen Sie ein Profil.</translation>
    </message>
    <message>
        <source>The AWS profile &quot;%1&quot; does not exist in %2 or %3.</source>
        <translation>Das AWS-Profil &quot;%1&quot; existiert weder in %2 noch in %3.</translation>
    </message>
    <message>
        <source>the config file</source>
        <translation>der Konfigurationsdatei</translation>
    </message>
    <message>
        <source>the credentials file</source>
        <translation>der Datei mit den Anmeldedaten</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; sets both source_profile and credential_source; keep one.</source>
        <translation>Profil &quot;%1&quot; setzt sowohl source_profile als auch credential_source; behalten Sie nur eines davon.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; assumes a role with a web identity token (web_identity_token_file), which Shardscope does not support.</source>
        <translation>Profil &quot;%1&quot; übernimmt eine Rolle mit einem Web-Identity-Token (web_identity_token_file); das unterstützt Shardscope nicht.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; sets role_arn but neither source_profile nor credential_source.</source>
        <translation>Profil &quot;%1&quot; setzt role_arn, aber weder source_profile noch credential_source.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; needs an MFA code (mfa_serial), which Shardscope cannot ask for. Use credentials from `aws sts get-session-token` or a profile without mfa_serial.</source>
        <translation>Profil &quot;%1&quot; benötigt einen MFA-Code (mfa_serial), den Shardscope nicht abfragen kann. Verwenden Sie Anmeldedaten aus `aws sts get-session-token` oder ein Profil ohne mfa_serial.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: duration_seconds must be a positive number of seconds, not &quot;%2&quot;.</source>
        <translation>Profil &quot;%1&quot;: duration_seconds muss eine positive Anzahl Sekunden sein, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; takes its source credentials from the environment (credential_source = Environment), but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.</source>
        <translation>Profil &quot;%1&quot; bezieht seine Quell-Anmeldedaten aus der Umgebung (credential_source = Environment), aber AWS_ACCESS_KEY_ID und AWS_SECRET_ACCESS_KEY sind nicht gesetzt.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: credential_source = %2 is not supported by Shardscope; only Environment is.</source>
        <translation>Profil &quot;%1&quot;: credential_source = %2 wird von Shardscope nicht unterstützt, nur Environment.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: credential_source must be Environment, Ec2InstanceMetadata or EcsContainer, not &quot;%2&quot;.</source>
        <translation>Profil &quot;%1&quot;: credential_source muss Environment, Ec2InstanceMetadata oder EcsContainer sein, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The AWS profiles form a loop through source_profile: %1. Point one of them at a profile with credentials.</source>
        <translation>Die AWS-Profile bilden über source_profile eine Schleife: %1. Lassen Sie eines davon auf ein Profil mit Anmeldedaten verweisen.</translation>
    </message>
    <message>
        <source>The source_profile &quot;%1&quot; named by profile &quot;%2&quot; does not exist.</source>
        <translation>Das von Profil &quot;%2&quot; genannte source_profile &quot;%1&quot; existiert nicht.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no credentials: it sets none of aws_access_key_id, credential_process, sso_session (or sso_start_url) and role_arn.</source>
        <translation>Profil &quot;%1&quot; hat keine Anmeldedaten: Es setzt keinen der Werte aws_access_key_id, credential_process, sso_session (oder sso_start_url) und role_arn.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has incomplete keys: %2 is missing.</source>
        <translation>Profil &quot;%1&quot; hat unvollständige Schlüssel: %2 fehlt.</translation>
    </message>
    <message>
        <source>Incomplete AWS credentials in the environment: %1 is set but %2 is not.</source>
        <translation>Unvollständige AWS-Anmeldedaten in der Umgebung: %1 ist gesetzt, %2 aber nicht.</translation>
    </message>
    <message>
        <source>AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time: &quot;%1&quot;.</source>
        <translation>AWS_CREDENTIAL_EXPIRATION ist keine ISO-8601-Zeitangabe: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; names sso_session &quot;%2&quot;, but there is no [sso-session %2] section in the config file.</source>
        <translation>Profil &quot;%1&quot; nennt sso_session &quot;%2&quot;, aber die Konfigurationsdatei enthält keinen Abschnitt [sso-session %2].</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; sets %2 to &quot;%3&quot;, but its sso-session &quot;%4&quot; sets it to &quot;%5&quot;.</source>
        <translation>Profil &quot;%1&quot; setzt %2 auf &quot;%3&quot;, seine sso-session &quot;%4&quot; aber auf &quot;%5&quot;.</translation>
    </message>
    <message>
        <source>The sso-session &quot;%1&quot; is missing %2.</source>
        <translation>In der sso-session &quot;%1&quot; fehlt %2.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is set up for IAM Identity Center (SSO) but is missing %2.</source>
        <translation>Profil &quot;%1&quot; ist für IAM Identity Center (SSO) eingerichtet, aber es fehlt %2.</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsHttp</name>
    <message>
        <source>%1 did not answer within %2 seconds.</source>
        <translation>%1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
</context>
<context>
    <name>shardscope::AwsIniFile</name>
    <message>
        <source>line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>expected &quot;name = value&quot; under &quot;%1&quot;</source>
        <translation>&quot;name = value&quot; unter &quot;%1&quot; erwartet</translation>
    </message>
    <message>
        <source>malformed section header</source>
        <translation>fehlerhafte Abschnittsüberschrift</translation>
    </message>
    <message>
        <source>setting outside of any [section]</source>
        <translation>Einstellung außerhalb jedes [Abschnitts]</translation>
    </message>
    <message>
        <source>expected &quot;name = value&quot;</source>
        <translation>&quot;name = value&quot; erwartet</translation>
    </message>
</context>
<context>
    <name>shardscope::ChartExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the image could not be made.</source>
        <translation>%1 kann nicht geschrieben werden: Das Bild konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Export as &amp;PNG…</source>
        <translation>Als &amp;PNG exportieren…</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>Export Chart as PNG</source>
        <translation>Diagramm als PNG exportieren</translation>
    </message>
    <message>
        <source>Export Chart Data as CSV</source>
        <translation>Diagrammdaten als CSV exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>shardscope::CommandPalette</name>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
    <message>
        <source>Not available now: %1</source>
        <translation>Derzeit nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ConnectionStore</name>
    <message>
        <source>No keychain is available.</source>
        <translation>Kein Schlüsselbund verfügbar.</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumersModel</name>
    <message>
        <source>Being registered: it can subscribe to shards once it is ACTIVE.</source>
        <translation>Wird registriert: Er kann Shards abonnieren, sobald er ACTIVE ist.</translation>
    </message>
    <message>
        <source>Registered: it can subscribe to the stream&apos;s shards.</source>
        <translation>Registriert: Er kann die Shards des Streams abonnieren.</translation>
    </message>
    <message>
        <source>Being deregistered: its subscriptions have ended.</source>
        <translation>Wird abgemeldet: Seine Abonnements sind beendet.</translation>
    </message>
    <message>
        <source>This connection does not report live subscriptions.</source>
        <translation>Diese Verbindung meldet keine laufenden Abonnements.</translation>
    </message>
    <message>
        <source>Live SubscribeToShard subscriptions of this consumer, one per shard read</source>
        <translation>Laufende SubscribeToShard-Abonnements dieses Consumers, eines je gelesenem Shard</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registriert</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumersPage</name>
    <message>
        <source>Register &amp;Consumer…</source>
        <translation>Consumer &amp;registrieren…</translation>
    </message>
    <message>
        <source>Deregister C&amp;onsumer…</source>
        <translation>Consumer a&amp;bmelden…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+N</source>
        <translation>Ctrl+Alt+N</translation>
    </message>
    <message>
        <source>Ctrl+Alt+D</source>
        <translation>Ctrl+Alt+D</translation>
    </message>
    <message>
        <source>Cannot list the consumers: %1</source>
        <translation>Die Consumer können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Registered consumers</source>
        <translation>Registrierte Consumer</translation>
    </message>
    <message>
        <source>Enhanced fan-out: each consumer reads every shard with its own 2 MiB/s, pushed to it through SubscribeToShard. Applications name the consumer by its ARN.</source>
        <translation>Enhanced Fan-Out: Jeder Consumer liest jeden Shard mit eigenen 2 MiB/s, die ihm über SubscribeToShard zugestellt werden. Anwendungen geben den Consumer über seinen ARN an.</translation>
    </message>
    <message>
        <source>Select a consumer to see its ARN</source>
        <translation>Wählen Sie einen Consumer, um seinen ARN zu sehen</translation>
    </message>
    <message>
        <source>Copy ARN</source>
        <translation>ARN kopieren</translation>
    </message>
    <message>
        <source>Copy the selected consumer&apos;s ARN to the clipboard (Ctrl+C in the table)</source>
        <translation>Den ARN des ausgewählten Consumers in die Zwischenablage kopieren (Strg+C in der Tabelle)</translation>
    </message>
    <message>
        <source>ARN:</source>
        <translation>ARN:</translation>
    </message>
    <message>
        <source>What each subscribed consumer has been sent, per shard; read every second while this tab is shown.</source>
        <translation>Was jedem abonnierten Consumer zugestellt wurde, je Shard; jede Sekunde gelesen, solange diese Registerkarte angezeigt wird.</translation>
    </message>
    <message>
        <source>Live subscriptions</source>
        <translation>Laufende Abonnements</translation>
    </message>
    <message>
        <source>%1 is read-only: consumers cannot be registered or deregistered here.</source>
        <translation>%1 ist schreibgeschützt: Consumer können hier weder registriert noch abgemeldet werden.</translation>
    </message>
    <message>
        <source>Deregister Consumer</source>
        <translation>Consumer abmelden</translation>
    </message>
    <message>
        <source>Deregister the consumer “%1” of %2?</source>
        <translation>Den Consumer „%1“ von %2 abmelden?</translation>
    </message>
    <message>
        <source>Its subscriptions end at once, and applications that read with it stop receiving records. The stream and its records are not touched.</source>
        <translation>Seine Abonnements enden sofort, und Anwendungen, die mit ihm lesen, erhalten keine Datensätze mehr. Der Stream und seine Datensätze bleiben unberührt.</translation>
    </message>
    <message>
        <source>&amp;Deregister</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Wählen Sie zuerst einen Stream aus.</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Diese Verbindung ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Register an enhanced fan-out consumer for this stream</source>
        <translation>Einen Enhanced-Fan-Out-Consumer für diesen Stream registrieren</translation>
    </message>
    <message>
        <source>Select a consumer on the Consumers tab first.</source>
        <translation>Wählen Sie zuerst auf der Registerkarte Consumer einen Consumer aus.</translation>
    </message>
    <message>
        <source>The consumer is being deregistered already.</source>
        <translation>Der Consumer wird bereits abgemeldet.</translation>
    </message>
    <message>
        <source>Deregistering…</source>
        <translation>Wird abgemeldet…</translation>
    </message>
    <message>
        <source>Deregister the selected consumer after confirming</source>
        <translation>Den ausgewählten Consumer nach Bestätigung abmelden</translation>
    </message>
    <message>
        <source>Select a stream to see its consumers.</source>
        <translation>Wählen Sie einen Stream, um seine Consumer zu sehen.</translation>
    </message>
    <message>
        <source>The consumers could not be listed.</source>
        <translation>Die Consumer konnten nicht aufgelistet werden.</translation>
    </message>
    <message>
        <source>Listing the consumers…</source>
        <translation>Consumer werden aufgelistet…</translation>
    </message>
    <message>
        <source>No consumer is registered for this stream. Register one to read every shard with enhanced fan-out.</source>
        <translation>Für diesen Stream ist kein Consumer registriert. Registrieren Sie einen, um jeden Shard mit Enhanced Fan-Out zu lesen.</translation>
    </message>
    <message>
        <source>%1 does not report live subscriptions: Kinesis tells no one which consumers are subscribed. The local emulator lists every subscription it serves.</source>
        <translation>%1 meldet keine laufenden Abonnements: Kinesis teilt niemandem mit, welche Consumer abonniert sind. Der lokale Emulator listet jedes Abonnement auf, das er bedient.</translation>
    </message>
    <message>
        <source>No consumer is subscribed. Subscriptions made through --serve or the Records tab appear here.</source>
        <translation>Kein Consumer ist abonniert. Abonnements über --serve oder die Registerkarte Datensätze erscheinen hier.</translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation>Consumer-Gruppe</translation>
    </message>
</context>
<context>
    <name>shardscope::CreateStreamDialog</name>
    <message>
        <source>&amp;Provisioned</source>
        <translation>&amp;Bereitgestellt</translation>
    </message>
    <message>
        <source>On-&amp;demand</source>
        <translation>On-&amp;Demand</translation>
    </message>
    <message>
        <source>&amp;Shards:</source>
        <translation>&amp;Shards:</translation>
    </message>
    <message>
        <source>&amp;Maximum record size:</source>
        <translation>&amp;Maximale Datensatzgröße:</translation>
    </message>
    <message>
        <source>Create Stream — %1</source>
        <translation>Stream erstellen — %1</translation>
    </message>
    <message>
        <source>Create Stream</source>
        <translation>Stream erstellen</translation>
    </message>
    <message>
        <source>e.g. orders-events</source>
        <translation>z. B. orders-events</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>You choose the number of shards and pay for each.</source>
        <translation>Sie legen die Anzahl der Shards fest und zahlen für jeden.</translation>
    </message>
    <message>
        <source>Capacity follows the traffic; the stream starts with 4 shards.</source>
        <translation>Die Kapazität folgt dem Datenverkehr; der Stream beginnt mit 4 Shards.</translation>
    </message>
    <message>
        <source>Without it the stream takes records of up to 1 MiB (1,024 KiB).</source>
        <translation>Ohne diese Option nimmt der Stream Datensätze bis 1 MiB (1.024 KiB) an.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Capacity mode:</source>
        <translation>Kapazitätsmodus:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Erstellen</translation>
    </message>
    <message>
        <source>Enter a name for the stream.</source>
        <translation>Geben Sie einen Namen für den Stream ein.</translation>
    </message>
    <message>
        <source>The account&apos;s limits could not be read.</source>
        <translation>Die Limits des Kontos konnten nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Checking the account&apos;s limits…</source>
        <translation>Limits des Kontos werden geprüft…</translation>
    </message>
    <message>
        <source>%L1 of %L2 on-demand streams left in this account</source>
        <translation>%L1 von %L2 On-Demand-Streams in diesem Konto verfügbar</translation>
    </message>
    <message>
        <source>%L1 of %L2 shards left in this account</source>
        <translation>%L1 von %L2 Shards in diesem Konto verfügbar</translation>
    </message>
    <message>
        <source>The account has no on-demand streams left: all %L1 are in use.</source>
        <translation>Das Konto hat keine On-Demand-Streams mehr frei: Alle %L1 sind belegt.</translation>
    </message>
    <message>
        <source>The account has no shards left: all %L1 are in use by open streams.</source>
        <translation>Das Konto hat keine Shards mehr frei: Alle %L1 werden von offenen Streams belegt.</translation>
    </message>
    <message>
        <source>%L1 KiB is out of range: choose from %L2 to %L3 KiB (1 to 10 MiB).</source>
        <translation>%L1 KiB liegt außerhalb des zulässigen Bereichs: Wählen Sie %L2 bis %L3 KiB (1 bis 10 MiB).</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>shardscope::CredentialProcess</name>
    <message>
        <source>The credential_process of profile &quot;%1&quot; did not print a JSON object: %2</source>
        <translation>Der credential_process von Profil &quot;%1&quot; hat kein JSON-Objekt ausgegeben: %2</translation>
    </message>
    <message>
        <source>the output is not an object</source>
        <translation>die Ausgabe ist kein Objekt</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed Version %2; only Version 1 is supported.</source>
        <translation>Der credential_process von Profil &quot;%1&quot; hat Version %2 ausgegeben; nur Version 1 wird unterstützt.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed no %2.</source>
        <translation>Der credential_process von Profil &quot;%1&quot; hat kein %2 ausgegeben.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; printed an Expiration that is not an ISO 8601 time: &quot;%2&quot;.</source>
        <translation>Der credential_process von Profil &quot;%1&quot; hat eine Expiration ausgegeben, die keine ISO-8601-Zeitangabe ist: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>profile %1 (credential_process)</source>
        <translation>Profil %1 (credential_process)</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; is not a valid command line: %2</source>
        <translation>Der credential_process von Profil &quot;%1&quot; ist keine gültige Befehlszeile: %2</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; could not be started (%2): %3</source>
        <translation>Der credential_process von Profil &quot;%1&quot; konnte nicht gestartet werden (%2): %3</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; did not finish within %2 seconds and was stopped.</source>
        <translation>Der credential_process von Profil &quot;%1&quot; wurde nicht innerhalb von %2 Sekunden fertig und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; failed with exit code %2: %3</source>
        <translation>Der credential_process von Profil &quot;%1&quot; ist mit Exit-Code %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>(no error output)</source>
        <translation>(keine Fehlerausgabe)</translation>
    </message>
    <message>
        <source>The credential_process of profile &quot;%1&quot; crashed: %2</source>
        <translation>Der credential_process von Profil &quot;%1&quot; ist abgestürzt: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::CredentialsProvider</name>
    <message>
        <source>access keys entered in Shardscope</source>
        <translation>in Shardscope eingegebene Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>profile %1 (access keys)</source>
        <translation>Profil %1 (Zugriffsschlüssel)</translation>
    </message>
    <message>
        <source>environment variables</source>
        <translation>Umgebungsvariablen</translation>
    </message>
</context>
<context>
    <name>shardscope::DeleteStreamDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Delete Stream — %1</source>
        <translation>Stream löschen — %1</translation>
    </message>
    <message>
        <source>Delete the stream “%1”?</source>
        <translation>Den Stream „%1“ löschen?</translation>
    </message>
    <message>
        <source>The stream and every record in it are deleted for good; this cannot be undone. Producers and consumers still using it will get errors.</source>
        <translation>Der Stream und alle darin enthaltenen Datensätze werden endgültig gelöscht; dies kann nicht rückgängig gemacht werden. Producer und Consumer, die ihn noch verwenden, erhalten Fehler.</translation>
    </message>
    <message>
        <source>Open shards:</source>
        <translation>Offene Shards:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Datensätze:</translation>
    </message>
    <message>
        <source>Consumers:</source>
        <translation>Consumer:</translation>
    </message>
    <message>
        <source>&amp;Type the stream name to confirm:</source>
        <translation>Zur Bestätigung den Stream&amp;namen eingeben:</translation>
    </message>
    <message>
        <source>&amp;Delete Stream</source>
        <translation>Stream &amp;löschen</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The stream is being deleted already.</source>
        <translation>Der Stream wird bereits gelöscht.</translation>
    </message>
    <message>
        <source>Not counted on this connection</source>
        <translation>Bei dieser Verbindung nicht gezählt</translation>
    </message>
    <message>
        <source>Could not be counted</source>
        <translation>Konnte nicht gezählt werden</translation>
    </message>
    <message>
        <source>None registered</source>
        <translation>Keine registriert</translation>
    </message>
    <message>
        <source>1 enhanced fan-out consumer — deregistered with the stream</source>
        <translation>1 Enhanced-Fan-Out-Consumer — wird mit dem Stream abgemeldet</translation>
    </message>
    <message>
        <source>%L1 enhanced fan-out consumers — deregistered with the stream</source>
        <translation>%L1 Enhanced-Fan-Out-Consumer — werden mit dem Stream abgemeldet</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
</context>
<context>
    <name>shardscope::DemoTrickle</name>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Every record of the batch failed.</source>
        <translation>Alle Datensätze des Batches sind fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 batches in a row failed; the last one with: %2</source>
        <translation>%1 Batches in Folge sind fehlgeschlagen, der letzte mit: %2</translation>
    </message>
    <message>
        <source>The stream %1 is being deleted.</source>
        <translation>Der Stream %1 wird gelöscht.</translation>
    </message>
</context>
<context>
    <name>shardscope::DialogText</name>
    <message>
        <source>1 record</source>
        <translation>1 Datensatz</translation>
    </message>
    <message>
        <source>%L1 records</source>
        <translation>%L1 Datensätze</translation>
    </message>
    <message>
        <source>1 shard</source>
        <translation>1 Shard</translation>
    </message>
    <message>
        <source>%L1 shards</source>
        <translation>%L1 Shards</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%L1 hours</source>
        <translation>%L1 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%L1 days</source>
        <translation>%L1 Tage</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>shardscope::DurationText</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
</context>
<context>
    <name>shardscope::DynamoDbClient</name>
    <message>
        <source>No AWS credentials are set for DynamoDB at %1.</source>
        <translation>Für DynamoDB unter %1 sind keine AWS-Anmeldedaten gesetzt.</translation>
    </message>
    <message>
        <source>The AWS credentials are no longer available.</source>
        <translation>Die AWS-Anmeldedaten sind nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>DynamoDB at %1 answered HTTP %2.</source>
        <translation>DynamoDB unter %1 antwortete mit HTTP %2.</translation>
    </message>
    <message>
        <source>The table %1 does not exist at %2.</source>
        <translation>Die Tabelle %1 gibt es unter %2 nicht.</translation>
    </message>
    <message>
        <source>DynamoDB at %1 sent an answer to %2 that is not a JSON object: %3</source>
        <translation>DynamoDB unter %1 schickte auf %2 eine Antwort, die kein JSON-Objekt ist: %3</translation>
    </message>
    <message>
        <source>DynamoDB at %1 could not be reached: %2</source>
        <translation>DynamoDB unter %1 war nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::DynamoLeaseTable</name>
    <message>
        <source>DynamoDB, %1</source>
        <translation>DynamoDB, %1</translation>
    </message>
    <message>
        <source>The lease table %1 is open read-only: %2 was not sent.</source>
        <translation>Die Lease-Tabelle %1 ist nur lesend geöffnet: %2 wurde nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseCleaner</name>
    <message>
        <source>The shards of %1 could not be listed, so no lease is deleted as garbage: %2</source>
        <translation>Die Shards von %1 konnten nicht aufgelistet werden, daher wird kein Lease als verwaist gelöscht: %2</translation>
    </message>
    <message>
        <source>The lease %1 could not be read for clean-up: %2</source>
        <translation>Das Lease %1 konnte für das Aufräumen nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The lease %1 could not be deleted: %2</source>
        <translation>Das Lease %1 konnte nicht gelöscht werden: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::KinesisName</name>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>the character U+%1</source>
        <translation>das Zeichen U+%1</translation>
    </message>
    <message>
        <source>The name contains %1, which is not allowed.</source>
        <translation>Der Name enthält %1, was nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>The name contains %1, which are not allowed.</source>
        <translation>Der Name enthält %1, die nicht erlaubt sind.</translation>
    </message>
    <message>
        <source>Use letters A–Z and a–z, digits, “_”, “.” and “-”.</source>
        <translation>Verwenden Sie die Buchstaben A–Z und a–z, Ziffern sowie „_“, „.“ und „-“.</translation>
    </message>
    <message>
        <source>The name is %L1 characters long; at most %L2 are allowed.</source>
        <translation>Der Name ist %L1 Zeichen lang; höchstens %L2 sind erlaubt.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseMonitor</name>
    <message>
        <source>The lease table was closed.</source>
        <translation>Die Lease-Tabelle wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseReport</name>
    <message>
        <source>STREAM</source>
        <translation>STREAM</translation>
    </message>
    <message>
        <source>SHARD</source>
        <translation>SHARD</translation>
    </message>
    <message>
        <source>OWNER</source>
        <translation>BESITZER</translation>
    </message>
    <message>
        <source>COUNTER</source>
        <translation>ZÄHLER</translation>
    </message>
    <message>
        <source>CHECKPOINT</source>
        <translation>CHECKPOINT</translation>
    </message>
    <message>
        <source>SWITCHES</source>
        <translation>WECHSEL</translation>
    </message>
    <message>
        <source>PARENTS</source>
        <translation>ELTERN</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <source>stream %1</source>
        <translation>Stream %1</translation>
    </message>
    <message>
        <source>1 lease</source>
        <translation>1 Lease</translation>
    </message>
    <message>
        <source>%1 leases</source>
        <translation>%1 Leases</translation>
    </message>
    <message>
        <source>Lease table %1: %2, failover time %3 s</source>
        <translation>Lease-Tabelle %1: %2, Failover-Zeit %3 s</translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>Gelesen um %1</translation>
    </message>
    <message>
        <source>(no leases)</source>
        <translation>(keine Leases)</translation>
    </message>
    <message>
        <source>Expiry is unknown: the table was read once. Without --no-wait it is read twice, the failover time apart.</source>
        <translation>Der Ablauf ist unbekannt: Die Tabelle wurde einmal gelesen. Ohne --no-wait wird sie zweimal gelesen, im Abstand der Failover-Zeit.</translation>
    </message>
    <message>
        <source>Leases per owner:</source>
        <translation>Leases je Besitzer:</translation>
    </message>
    <message>
        <source>(unassigned)</source>
        <translation>(nicht zugewiesen)</translation>
    </message>
    <message>
        <source>Leader: %1</source>
        <translation>Leader: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Workers reporting metrics: %1</source>
        <translation>Worker mit Metriken: %1</translation>
    </message>
    <message>
        <source>last update %1</source>
        <translation>zuletzt aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseSerializer</name>
    <message>
        <source>expected a DynamoDB %1 value, found %2</source>
        <translation>erwartet war ein DynamoDB-Wert vom Typ %1, gefunden %2</translation>
    </message>
    <message>
        <source>expected a string, found %1</source>
        <translation>erwartet war eine Zeichenkette, gefunden %1</translation>
    </message>
    <message>
        <source>expected a whole number, found %1</source>
        <translation>erwartet war eine ganze Zahl, gefunden %1</translation>
    </message>
    <message>
        <source>expected a number, found %1</source>
        <translation>erwartet war eine Zahl, gefunden %1</translation>
    </message>
    <message>
        <source>expected a list of strings, found %1</source>
        <translation>erwartet war eine Liste von Zeichenketten, gefunden %1</translation>
    </message>
    <message>
        <source>A lease has a malformed attribute %1: %2.</source>
        <translation>Ein Lease hat ein fehlerhaftes Attribut %1: %2.</translation>
    </message>
    <message>
        <source>The lease %1 has a malformed attribute %2: %3.</source>
        <translation>Das Lease %1 hat ein fehlerhaftes Attribut %2: %3.</translation>
    </message>
    <message>
        <source>An item of the lease table has no leaseKey: %1.</source>
        <translation>Ein Eintrag der Lease-Tabelle hat keinen leaseKey: %1.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeasesCommand</name>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--table is required: the lease table (the KCL application name).</source>
        <translation>--table ist nötig: die Lease-Tabelle (der Name der KCL-Anwendung).</translation>
    </message>
    <message>
        <source>--endpoint must be an http:// or https:// URL, not %1.</source>
        <translation>--endpoint muss eine http://- oder https://-URL sein, nicht %1.</translation>
    </message>
    <message>
        <source>--region is required (or AWS_REGION, or a region in the profile).</source>
        <translation>--region ist nötig (oder AWS_REGION oder eine Region im Profil).</translation>
    </message>
    <message>
        <source>--failover-ms must be a number of milliseconds from 1 to 3600000, not %1.</source>
        <translation>--failover-ms muss eine Zahl von Millisekunden zwischen 1 und 3600000 sein, nicht %1.</translation>
    </message>
    <message>
        <source>Usage: shardscope leases --table NAME [--endpoint URL | --profile P] [--region R]
                         [--stream S] [--json] [--failover-ms N] [--no-wait]

Prints the lease table of a KCL application (DynamoDB), read-only: one row per
lease (shard, owner, counter, checkpoint, owner switches, parents, state), then
the leases per owner and, for KCL 3.x, the leader and the workers&apos; metrics.

KCL stores no expiry time: a lease is expired when its counter has not changed
for longer than the failover time. So the table is read twice: once, then again
after the failover time (10 s unless --failover-ms says otherwise), and only then
is a lease called alive or expired. --no-wait reads once; expiry is then unknown.

  --table NAME       the lease table (the KCL application name)
  --endpoint URL     DynamoDB at this URL (DynamoDB Local, LocalStack, ...)
  --profile P        the AWS profile whose credentials to use
  --region R         the region (default: AWS_REGION or the profile&apos;s region)
  --stream S         multi-stream applications: only this stream&apos;s leases
  --json             JSON instead of text (checkpoints in full)
  --failover-ms N    the application&apos;s failoverTimeMillis (default 10000)
  --no-wait          read once and do not tell expired from alive

Exit status: 0 when the table was read, 1 when it could not be (unreachable
endpoint, unknown table, no credentials), 2 for bad arguments.
</source>
        <translation>Aufruf: shardscope leases --table NAME [--endpoint URL | --profile P] [--region R]
                         [--stream S] [--json] [--failover-ms N] [--no-wait]

Gibt die Lease-Tabelle einer KCL-Anwendung (DynamoDB) aus, nur lesend: eine Zeile
je Lease (Shard, Besitzer, Zähler, Checkpoint, Besitzerwechsel, Eltern, Zustand),
dann die Leases je Besitzer und bei KCL 3.x den Leader und die Metriken der Worker.

KCL speichert keine Ablaufzeit: Ein Lease ist abgelaufen, wenn sich sein Zähler
länger als die Failover-Zeit nicht geändert hat. Darum wird die Tabelle zweimal
gelesen: einmal, dann nach der Failover-Zeit noch einmal (10 s, sofern --failover-ms
nichts anderes sagt), und erst dann gilt ein Lease als lebendig oder abgelaufen.
--no-wait liest einmal; der Ablauf ist dann unbekannt.

  --table NAME       die Lease-Tabelle (der Name der KCL-Anwendung)
  --endpoint URL     DynamoDB unter dieser URL (DynamoDB Local, LocalStack, ...)
  --profile P        das AWS-Profil, dessen Anmeldedaten verwendet werden
  --region R         die Region (Standard: AWS_REGION oder die Region des Profils)
  --stream S         Multi-Stream-Anwendungen: nur die Leases dieses Streams
  --json             JSON statt Text (Checkpoints vollständig)
  --failover-ms N    failoverTimeMillis der Anwendung (Standard 10000)
  --no-wait          einmal lesen, abgelaufene nicht von lebendigen unterscheiden

Exit-Status: 0, wenn die Tabelle gelesen wurde, 1, wenn nicht (Endpunkt nicht
erreichbar, Tabelle unbekannt, keine Anmeldedaten), 2 bei falschen Argumenten.
</translation>
    </message>
    <message>
        <source>watching for %1 s…</source>
        <translation>beobachte %1 s lang…</translation>
    </message>
    <message>
        <source>Run `shardscope leases --help` for the options.</source>
        <translation>`shardscope leases --help` zeigt die Optionen.</translation>
    </message>
</context>
<context>
    <name>shardscope::LiveSubscriptionsModel</name>
    <message>
        <source>No record yet</source>
        <translation>Noch kein Datensatz</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <source>No record has been delivered yet.</source>
        <translation>Es wurde noch kein Datensatz zugestellt.</translation>
    </message>
    <message>
        <source>Last sequence number delivered: %1</source>
        <translation>Zuletzt zugestellte Sequenznummer: %1</translation>
    </message>
    <message>
        <source>MillisBehindLatest: %L1 ms behind the newest record of the shard</source>
        <translation>MillisBehindLatest: %L1 ms hinter dem neuesten Datensatz des Shards</translation>
    </message>
    <message>
        <source>Delivered since the subscription started — records: %L1, data: %2</source>
        <translation>Seit Beginn des Abonnements zugestellt — Datensätze: %L1, Daten: %2</translation>
    </message>
    <message>
        <source>Record data delivered per second since the previous refresh</source>
        <translation>Seit der vorigen Aktualisierung je Sekunde zugestellte Datensatzdaten</translation>
    </message>
    <message>
        <source>Known from the next refresh on</source>
        <translation>Ab der nächsten Aktualisierung bekannt</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Records delivered</source>
        <translation>Zugestellte Datensätze</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>Letztes Ereignis</translation>
    </message>
</context>
<context>
    <name>shardscope::RegisterConsumerDialog</name>
    <message>
        <source>Register Consumer — %1</source>
        <translation>Consumer registrieren — %1</translation>
    </message>
    <message>
        <source>e.g. billing-service</source>
        <translation>z. B. billing-service</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Each consumer reads every shard with its own 2 MiB/s through SubscribeToShard, named by its ARN. A stream can have %L1 consumers.</source>
        <translation>Jeder Consumer liest jeden Shard mit eigenen 2 MiB/s über SubscribeToShard und wird über seinen ARN angegeben. Ein Stream kann %L1 Consumer haben.</translation>
    </message>
    <message>
        <source>This one has %L1.</source>
        <translation>Dieser hat %L1.</translation>
    </message>
    <message>
        <source>Stream:</source>
        <translation>Stream:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registrieren</translation>
    </message>
    <message>
        <source>Enter a name for the consumer.</source>
        <translation>Geben Sie einen Namen für den Consumer ein.</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation>Wird registriert…</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamBackend</name>
    <message>
        <source>%1 does not report who reads a stream.</source>
        <translation>%1 meldet nicht, wer einen Stream liest.</translation>
    </message>
    <message>
        <source>%1 offers no metrics.</source>
        <translation>%1 bietet keine Metriken an.</translation>
    </message>
    <message>
        <source>%1 cannot measure shard use.</source>
        <translation>%1 kann die Auslastung der Shards nicht messen.</translation>
    </message>
    <message>
        <source>%1 cannot register consumers.</source>
        <translation>%1 kann keine Consumer registrieren.</translation>
    </message>
    <message>
        <source>%1 cannot describe consumers.</source>
        <translation>%1 kann keine Consumer beschreiben.</translation>
    </message>
    <message>
        <source>%1 cannot deregister consumers.</source>
        <translation>%1 kann keine Consumer abmelden.</translation>
    </message>
    <message>
        <source>%1 cannot subscribe to shards.</source>
        <translation>%1 kann keine Shards abonnieren.</translation>
    </message>
</context>
<context>
    <name>shardscope::EmulatorBackend</name>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>Die Verbindung %1 ist schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>shardscope::BackendSubscription</name>
    <message>
        <source>The connection %1 was closed.</source>
        <translation>Die Verbindung %1 wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>shardscope::EncryptionDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;New Key…</source>
        <translation>&amp;Neuer Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Start Encryption</source>
        <translation>Verschlüsselung s&amp;tarten</translation>
    </message>
    <message>
        <source>S&amp;top Encryption</source>
        <translation>Verschlüsselung st&amp;oppen</translation>
    </message>
    <message>
        <source>Encryption — %1</source>
        <translation>Verschlüsselung — %1</translation>
    </message>
    <message>
        <source>Loading keys…</source>
        <translation>Schlüssel werden geladen…</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Create a customer managed KMS key with an alias</source>
        <translation>Einen kundenverwalteten KMS-Schlüssel mit Alias erstellen</translation>
    </message>
    <message>
        <source>Current encryption:</source>
        <translation>Aktuelle Verschlüsselung:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>None — records are stored unencrypted</source>
        <translation>Keine — Datensätze werden unverschlüsselt gespeichert</translation>
    </message>
    <message>
        <source>KMS with key %1</source>
        <translation>KMS mit Schlüssel %1</translation>
    </message>
    <message>
        <source>No keys</source>
        <translation>Keine Schlüssel</translation>
    </message>
    <message>
        <source>The KMS keys could not be listed. %1</source>
        <translation>Die KMS-Schlüssel konnten nicht aufgelistet werden. %1</translation>
    </message>
    <message>
        <source>%1 (AWS managed)</source>
        <translation>%1 (von AWS verwaltet)</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>The key is disabled; enable it in KMS to encrypt with it.</source>
        <translation>Der Schlüssel ist deaktiviert; aktivieren Sie ihn in KMS, um damit zu verschlüsseln.</translation>
    </message>
    <message>
        <source>pending deletion</source>
        <translation>Löschung ausstehend</translation>
    </message>
    <message>
        <source>The key is scheduled for deletion and can no longer encrypt.</source>
        <translation>Der Schlüssel ist zur Löschung vorgesehen und kann nicht mehr verschlüsseln.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · key %2 · %3</source>
        <translation>%1 · Schlüssel %2 · %3</translation>
    </message>
    <message>
        <source>%1 (cannot be used)</source>
        <translation>%1 (nicht verwendbar)</translation>
    </message>
    <message>
        <source>Key ID %1</source>
        <translation>Schlüssel-ID %1</translation>
    </message>
    <message>
        <source>Key ID: %1</source>
        <translation>Schlüssel-ID: %1</translation>
    </message>
    <message>
        <source>ARN: %1</source>
        <translation>ARN: %1</translation>
    </message>
    <message>
        <source>Aliases: %1</source>
        <translation>Aliase: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>No usable key</source>
        <translation>Kein verwendbarer Schlüssel</translation>
    </message>
    <message>
        <source>There is no key to encrypt with: create one with New Key…</source>
        <translation>Es gibt keinen Schlüssel zum Verschlüsseln: Erstellen Sie einen mit „Neuer Schlüssel…“.</translation>
    </message>
    <message>
        <source>&amp;Switch to This Key</source>
        <translation>Zu diesem Schlüssel &amp;wechseln</translation>
    </message>
    <message>
        <source>The stream is already encrypted with this key.</source>
        <translation>Der Stream ist bereits mit diesem Schlüssel verschlüsselt.</translation>
    </message>
</context>
<context>
    <name>shardscope::EnhancedMonitoringDialog</name>
    <message>
        <source>Bytes put into the shard</source>
        <translation>In den Shard geschriebene Bytes</translation>
    </message>
    <message>
        <source>Records put into the shard</source>
        <translation>In den Shard geschriebene Datensätze</translation>
    </message>
    <message>
        <source>Bytes read from the shard</source>
        <translation>Aus dem Shard gelesene Bytes</translation>
    </message>
    <message>
        <source>Records read from the shard</source>
        <translation>Aus dem Shard gelesene Datensätze</translation>
    </message>
    <message>
        <source>Writes the shard throttled</source>
        <translation>Vom Shard gedrosselte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Reads the shard throttled</source>
        <translation>Vom Shard gedrosselte Lesevorgänge</translation>
    </message>
    <message>
        <source>How far behind the newest record the shard&apos;s readers are</source>
        <translation>Wie weit die Leser des Shards hinter dem neuesten Datensatz zurückliegen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;All shard-level metrics</source>
        <translation>&amp;Alle Metriken auf Shard-Ebene</translation>
    </message>
    <message>
        <source>Enhanced Monitoring — %1</source>
        <translation>Erweiterte Überwachung — %1</translation>
    </message>
    <message>
        <source>Shard-level metrics are published per shard each minute, beside the stream-level ones; on AWS each one is billed as a custom metric.</source>
        <translation>Metriken auf Shard-Ebene werden jede Minute je Shard veröffentlicht, neben denen des Streams; bei AWS wird jede wie eine benutzerdefinierte Metrik berechnet.</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>Metrics:</source>
        <translation>Metriken:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Off (stream-level metrics only)</source>
        <translation>Aus (nur Metriken des Streams)</translation>
    </message>
    <message>
        <source>All shard-level metrics</source>
        <translation>Alle Metriken auf Shard-Ebene</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
</context>
<context>
    <name>shardscope::ExportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Export Records — %1</source>
        <translation>Datensätze exportieren — %1</translation>
    </message>
    <message>
        <source>JSON Lines (.jsonl)</source>
        <translation>JSON Lines (.jsonl)</translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation>CSV (.csv)</translation>
    </message>
    <message>
        <source>Write them to</source>
        <translation>Schreiben nach</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Stop; the file is left as it was (Ctrl+.).</source>
        <translation>Anhalten; die Datei bleibt, wie sie war (Strg+.).</translation>
    </message>
    <message>
        <source>Reading the range: %1 so far, %2 of %3 done</source>
        <translation>Bereich wird gelesen: bisher %1, %2 von %3 fertig</translation>
    </message>
    <message>
        <source>Stopped; nothing was written.</source>
        <translation>Angehalten; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON-Lines-Dateien (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Records</source>
        <translation>Datensätze exportieren</translation>
    </message>
    <message>
        <source>Reading the range…</source>
        <translation>Bereich wird gelesen …</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 werden geschrieben …</translation>
    </message>
    <message>
        <source>Stopped; the file was left as it was.</source>
        <translation>Angehalten; die Datei blieb, wie sie war.</translation>
    </message>
    <message>
        <source>Wrote %1, %2 KiB to %3</source>
        <translation>%1, %2 KiB nach %3 geschrieben</translation>
    </message>
</context>
<context>
    <name>shardscope::GeneratorForm</name>
    <message>
        <source> records/s</source>
        <translation> Datensätze/s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Until stopped</source>
        <translation>Bis zum Stoppen</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>Records are this size, or between the two sizes when they differ</source>
        <translation>Datensätze haben diese Größe, oder eine zwischen beiden Größen, wenn sie sich unterscheiden</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Gleichverteilt</translation>
    </message>
    <message>
        <source>A few hot keys</source>
        <translation>Wenige heiße Schlüssel</translation>
    </message>
    <message>
        <source>Zipf</source>
        <translation>Zipf</translation>
    </message>
    <message>
        <source> keys</source>
        <translation> Schlüssel</translation>
    </message>
    <message>
        <source> hot</source>
        <translation> heiß</translation>
    </message>
    <message>
        <source> % of the records</source>
        <translation> % der Datensätze</translation>
    </message>
    <message>
        <source>exponent </source>
        <translation>Exponent </translation>
    </message>
    <message>
        <source>Random JSON</source>
        <translation>Zufälliges JSON</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>The put dialog&apos;s templates: {{counter}}, {{uuid}}, {{timestamp}}, {{random:int:1:100}}, {{choice:a|b}}</source>
        <translation>Die Vorlagen des Schreibdialogs: {{counter}}, {{uuid}}, {{timestamp}}, {{random:int:1:100}}, {{choice:a|b}}</translation>
    </message>
    <message>
        <source>KPL &amp;aggregation</source>
        <translation>KPL-&amp;Aggregation</translation>
    </message>
    <message>
        <source>Pack the records of a shard into KPL aggregated records, as the KPL does</source>
        <translation>Die Datensätze eines Shards wie die KPL in aggregierte KPL-Datensätze packen</translation>
    </message>
    <message>
        <source>&amp;Start Generator</source>
        <translation>Generator &amp;starten</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>St&amp;ream:</source>
        <translation>St&amp;ream:</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>R&amp;ate:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Record si&amp;ze:</source>
        <translation>Datensatz&amp;größe:</translation>
    </message>
    <message>
        <source>Partition &amp;keys:</source>
        <translation>Partitions&amp;schlüssel:</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>There is no connection to put records into.</source>
        <translation>Es gibt keine Verbindung, in die Datensätze geschrieben werden können.</translation>
    </message>
    <message>
        <source>%1 is read-only: records cannot be put into it.</source>
        <translation>%1 ist schreibgeschützt: Es können keine Datensätze hineingeschrieben werden.</translation>
    </message>
    <message>
        <source>This connection has no streams.</source>
        <translation>Diese Verbindung hat keine Streams.</translation>
    </message>
    <message>
        <source>Listing streams…</source>
        <translation>Streams werden aufgelistet…</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>&amp;Nutzdaten:</translation>
    </message>
</context>
<context>
    <name>shardscope::HttpServer</name>
    <message>
        <source>TLS is not available: Qt has no TLS backend (the OpenSSL 3 plugin of Qt Network) or it cannot load OpenSSL.</source>
        <translation>TLS ist nicht verfügbar: Qt hat kein TLS-Backend (das OpenSSL-3-Plugin von Qt Network) oder kann OpenSSL nicht laden.</translation>
    </message>
    <message>
        <source>TLS needs a certificate and its private key.</source>
        <translation>TLS benötigt ein Zertifikat und den zugehörigen privaten Schlüssel.</translation>
    </message>
</context>
<context>
    <name>shardscope::ImportDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Import Records — %1</source>
        <translation>Datensätze importieren — %1</translation>
    </message>
    <message>
        <source>A JSON Lines file, one record per line</source>
        <translation>Eine JSON-Lines-Datei, ein Datensatz pro Zeile</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> Datensätze/s</translation>
    </message>
    <message>
        <source>As fast as allowed</source>
        <translation>So schnell wie erlaubt</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>R&amp;ate:</translation>
    </message>
    <message>
        <source>Into:</source>
        <translation>Nach:</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Stop sending; the records already put stay (Ctrl+.).</source>
        <translation>Senden anhalten; bereits geschriebene Datensätze bleiben (Strg+.).</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>%1 is read-only: records cannot be put into it.</source>
        <translation>%1 ist schreibgeschützt: Es können keine Datensätze hineingeschrieben werden.</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>Datensätze importieren</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl *.json *.ndjson);;All files (*)</source>
        <translation>JSON-Lines-Dateien (*.jsonl *.json *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>%1 ready to import.</source>
        <translation>%1 bereit zum Import.</translation>
    </message>
    <message>
        <source>%1 ready to import; %2 could not be read (below).</source>
        <translation>%1 bereit zum Import; %2 konnten nicht gelesen werden (unten).</translation>
    </message>
    <message>
        <source>1 line</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%L1 lines</source>
        <translation>%L1 Zeilen</translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>Angehalten. %1</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Fertig. %1</translation>
    </message>
</context>
<context>
    <name>shardscope::InlineErrorLabel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::JsonTreeModel</name>
    <message>
        <source>{1 key}</source>
        <translation>{1 Schlüssel}</translation>
    </message>
    <message>
        <source>{%L1 keys}</source>
        <translation>{%L1 Schlüssel}</translation>
    </message>
    <message>
        <source>[1 item]</source>
        <translation>[1 Element]</translation>
    </message>
    <message>
        <source>[%L1 items]</source>
        <translation>[%L1 Elemente]</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>shardscope::KeychainSecretStore</name>
    <message>
        <source>%1: the system keychain said: %2</source>
        <translation>%1: Der Systemschlüsselbund meldete: %2</translation>
    </message>
    <message>
        <source>The secret of connection %1 could not be saved</source>
        <translation>Das Geheimnis der Verbindung %1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>No secret is stored for the connection %1 in the system keychain.</source>
        <translation>Für die Verbindung %1 ist im Systemschlüsselbund kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>The secret of connection %1 could not be read</source>
        <translation>Das Geheimnis der Verbindung %1 konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The keychain entry of connection %1 is not one Shardscope wrote.</source>
        <translation>Der Schlüsselbund-Eintrag der Verbindung %1 stammt nicht von Shardscope.</translation>
    </message>
    <message>
        <source>The secret of connection %1 could not be deleted</source>
        <translation>Das Geheimnis der Verbindung %1 konnte nicht gelöscht werden</translation>
    </message>
</context>
<context>
    <name>shardscope::KinesisServer</name>
    <message>
        <source>TLS is not available: Qt has no TLS backend (the OpenSSL 3 plugin of Qt Network) or it cannot load OpenSSL.</source>
        <translation>TLS ist nicht verfügbar: Qt hat kein TLS-Backend (das OpenSSL-3-Plugin von Qt Network) oder kann OpenSSL nicht laden.</translation>
    </message>
    <message>
        <source>The TLS certificate is not a PEM certificate.</source>
        <translation>Das TLS-Zertifikat ist kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>The TLS private key is not an unencrypted PEM EC, RSA or DSA key.</source>
        <translation>Der private TLS-Schlüssel ist kein unverschlüsselter EC-, RSA- oder DSA-Schlüssel im PEM-Format.</translation>
    </message>
</context>
<context>
    <name>shardscope::LoadGenerator</name>
    <message>
        <source>The rate must be more than 0 and at most %L1 records per second.</source>
        <translation>Die Rate muss größer als 0 und höchstens %L1 Datensätze pro Sekunde sein.</translation>
    </message>
    <message>
        <source>The duration cannot be negative.</source>
        <translation>Die Dauer darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Record sizes must be from 1 to %L1 bytes, the smallest first.</source>
        <translation>Datensatzgrößen müssen zwischen 1 und %L1 Bytes liegen, die kleinste zuerst.</translation>
    </message>
    <message>
        <source>There must be at least one partition key.</source>
        <translation>Es muss mindestens einen Partitionsschlüssel geben.</translation>
    </message>
    <message>
        <source>The partition key prefix is too long.</source>
        <translation>Das Präfix der Partitionsschlüssel ist zu lang.</translation>
    </message>
    <message>
        <source>Hot keys must be from 1 to the number of keys, their share from 0 to 100 %.</source>
        <translation>Heiße Schlüssel: von 1 bis zur Anzahl der Schlüssel, ihr Anteil von 0 bis 100 %.</translation>
    </message>
    <message>
        <source>The Zipf exponent must be more than 0.</source>
        <translation>Der Zipf-Exponent muss größer als 0 sein.</translation>
    </message>
    <message>
        <source>The template is wrong at character %1: %2</source>
        <translation>Die Vorlage ist bei Zeichen %1 fehlerhaft: %2</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>Die Verbindung %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The connection is gone.</source>
        <translation>Die Verbindung besteht nicht mehr.</translation>
    </message>
</context>
<context>
    <name>shardscope::LocalEmulator</name>
    <message>
        <source>Checking signatures needs at least one access key.</source>
        <translation>Um Signaturen zu prüfen, braucht es mindestens einen Zugriffsschlüssel.</translation>
    </message>
    <message>
        <source>Cannot set up TLS: %1</source>
        <translation>TLS kann nicht eingerichtet werden: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::MainWindow</name>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Shardscope</source>
        <translation>Shardscope</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Shardscope&lt;/h2&gt;&lt;p&gt;Select a stream on the left to see its settings and shards.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; creates a stream · &lt;b&gt;%2&lt;/b&gt; lists every command · &lt;b&gt;%3&lt;/b&gt; serves the emulator to your SDKs and the AWS CLI&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Shardscope&lt;/h2&gt;&lt;p&gt;Wählen Sie links einen Stream aus, um seine Einstellungen und Shards zu sehen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; erstellt einen Stream · &lt;b&gt;%2&lt;/b&gt; listet alle Befehle auf · &lt;b&gt;%3&lt;/b&gt; stellt den Emulator für Ihre SDKs und die AWS CLI bereit&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Demo events are off for this session.</source>
        <translation>Demo-Ereignisse sind für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>&amp;New Stream…</source>
        <translation>&amp;Neuer Stream…</translation>
    </message>
    <message>
        <source>Create a stream with a shard count or on-demand capacity</source>
        <translation>Einen Stream mit fester Shard-Anzahl oder On-Demand-Kapazität erstellen</translation>
    </message>
    <message>
        <source>&amp;Delete Stream…</source>
        <translation>Stream &amp;löschen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Del</source>
        <translation>Ctrl+Shift+Del</translation>
    </message>
    <message>
        <source>Delete the selected stream after typing its name</source>
        <translation>Den ausgewählten Stream nach Eingabe seines Namens löschen</translation>
    </message>
    <message>
        <source>&amp;Retention Period…</source>
        <translation>&amp;Aufbewahrungsdauer…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>How long the selected stream keeps records (24 hours to 365 days)</source>
        <translation>Wie lange der ausgewählte Stream Datensätze aufbewahrt (24 Stunden bis 365 Tage)</translation>
    </message>
    <message>
        <source>&amp;Encryption…</source>
        <translation>&amp;Verschlüsselung…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Start or stop server-side encryption with a KMS key</source>
        <translation>Serverseitige Verschlüsselung mit einem KMS-Schlüssel starten oder stoppen</translation>
    </message>
    <message>
        <source>&amp;Tags…</source>
        <translation>&amp;Tags…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Add, change and remove the selected stream&apos;s tags</source>
        <translation>Tags des ausgewählten Streams hinzufügen, ändern und entfernen</translation>
    </message>
    <message>
        <source>Capacity &amp;Mode…</source>
        <translation>Kapazitäts&amp;modus…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Switch between provisioned and on-demand capacity</source>
        <translation>Zwischen bereitgestellter und On-Demand-Kapazität wechseln</translation>
    </message>
    <message>
        <source>Maximum Record &amp;Size…</source>
        <translation>Maximale Datensatz&amp;größe…</translation>
    </message>
    <message>
        <source>The largest record the stream accepts (1 to 10 MiB)</source>
        <translation>Der größte Datensatz, den der Stream annimmt (1 bis 10 MiB)</translation>
    </message>
    <message>
        <source>S&amp;plit Shard in Half</source>
        <translation>Shard &amp;halbieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Split the selected open shard at the middle of its hash-key range</source>
        <translation>Den ausgewählten offenen Shard in der Mitte seines Hash-Schlüsselbereichs teilen</translation>
    </message>
    <message>
        <source>Mer&amp;ge with Next Shard</source>
        <translation>Mit nächstem Shard &amp;zusammenführen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+G</source>
        <translation>Ctrl+Shift+G</translation>
    </message>
    <message>
        <source>Merge the selected open shard with the open shard whose hash keys follow it</source>
        <translation>Den ausgewählten offenen Shard mit dem offenen Shard zusammenführen, dessen Hash-Schlüssel direkt darauf folgen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>List streams and shards again</source>
        <translation>Streams und Shards neu auflisten</translation>
    </message>
    <message>
        <source>&amp;Serve on Localhost</source>
        <translation>Auf &amp;Localhost bereitstellen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Serve the local emulator with the Kinesis wire protocol on 127.0.0.1:4567</source>
        <translation>Den lokalen Emulator über das Kinesis-Wire-Protokoll auf 127.0.0.1:4567 bereitstellen</translation>
    </message>
    <message>
        <source>&amp;Demo Events</source>
        <translation>&amp;Demo-Ereignisse</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Trickle sample web-shop events into the demo stream</source>
        <translation>Nach und nach Beispielereignisse eines Webshops in den Demo-Stream schreiben</translation>
    </message>
    <message>
        <source>Enforce &amp;Throughput Limits</source>
        <translation>&amp;Durchsatzgrenzen durchsetzen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <source>Throttle the local emulator&apos;s shards as Kinesis does: writes of 1 MiB/s or 1,000 records/s, reads of 2 MiB/s or 5 calls/s per shard</source>
        <translation>Die Shards des lokalen Emulators wie Kinesis drosseln: Schreiben 1 MiB/s oder 1.000 Datensätze/s, Lesen 2 MiB/s oder 5 Aufrufe/s je Shard</translation>
    </message>
    <message>
        <source>There is no local emulator in this session.</source>
        <translation>In dieser Sitzung gibt es keinen lokalen Emulator.</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Find and run any command by name</source>
        <translation>Beliebige Befehle nach Namen suchen und ausführen</translation>
    </message>
    <message>
        <source>&amp;Filter Streams</source>
        <translation>Streams &amp;filtern</translation>
    </message>
    <message>
        <source>Type to filter the streams tree</source>
        <translation>Tippen, um den Stream-Baum zu filtern</translation>
    </message>
    <message>
        <source>&amp;Overview Tab</source>
        <translation>Registerkarte &amp;Übersicht</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show the selected stream&apos;s settings and totals</source>
        <translation>Einstellungen und Summen des ausgewählten Streams anzeigen</translation>
    </message>
    <message>
        <source>S&amp;hards Tab</source>
        <translation>Registerkarte &amp;Shards</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Show the selected stream&apos;s shard map and shards</source>
        <translation>Shard-Karte und Shards des ausgewählten Streams anzeigen</translation>
    </message>
    <message>
        <source>C&amp;lear Activity</source>
        <translation>Aktivität &amp;leeren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Empty the activity list</source>
        <translation>Die Aktivitätsliste leeren</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Language and demo events</source>
        <translation>Sprache und Demo-Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Close Shardscope</source>
        <translation>Shardscope schließen</translation>
    </message>
    <message>
        <source>&amp;About Shardscope</source>
        <translation>&amp;Über Shardscope</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>Version und Lizenz</translation>
    </message>
    <message>
        <source>Filter streams (%1)</source>
        <translation>Streams filtern (%1)</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Stream</source>
        <translation>&amp;Stream</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not serving</source>
        <translation>Nicht bereitgestellt</translation>
    </message>
    <message>
        <source>1 failed call</source>
        <translation>1 fehlgeschlagener Aufruf</translation>
    </message>
    <message>
        <source>%1 failed calls</source>
        <translation>%1 fehlgeschlagene Aufrufe</translation>
    </message>
    <message>
        <source>%1 — Shardscope</source>
        <translation>%1 — Shardscope</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Wählen Sie zuerst einen Stream aus.</translation>
    </message>
    <message>
        <source>This connection is read-only.</source>
        <translation>Diese Verbindung ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>Select an open shard on the Shards tab first.</source>
        <translation>Wählen Sie zuerst auf der Registerkarte „Shards“ einen offenen Shard aus.</translation>
    </message>
    <message>
        <source>%1 failed: %2: %3</source>
        <translation>%1 fehlgeschlagen: %2: %3</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 gestartet.</translation>
    </message>
    <message>
        <source>Splitting %1</source>
        <translation>Teilen von %1</translation>
    </message>
    <message>
        <source>%1 is the last shard of the key space; select the shard before it to merge.</source>
        <translation>%1 ist der letzte Shard des Schlüsselraums; wählen Sie zum Zusammenführen den Shard davor aus.</translation>
    </message>
    <message>
        <source>Merging %1 with %2</source>
        <translation>Zusammenführen von %1 mit %2</translation>
    </message>
    <message>
        <source>Not serving: %1</source>
        <translation>Nicht bereitgestellt: %1</translation>
    </message>
    <message>
        <source>Serving at %1</source>
        <translation>Bereitgestellt unter %1</translation>
    </message>
    <message>
        <source>Point SDKs here, e.g. aws kinesis list-streams --endpoint-url %1</source>
        <translation>SDKs hierauf richten, z. B. aws kinesis list-streams --endpoint-url %1</translation>
    </message>
    <message>
        <source>● Demo events → %1</source>
        <translation>● Demo-Ereignisse → %1</translation>
    </message>
    <message>
        <source>Sample events are being put into the %1 stream. Turn them off with %2.</source>
        <translation>Beispielereignisse werden in den Stream %1 geschrieben. Mit %2 ausschalten.</translation>
    </message>
    <message>
        <source>Demo events stopped</source>
        <translation>Demo-Ereignisse gestoppt</translation>
    </message>
    <message>
        <source>About Shardscope</source>
        <translation>Über Shardscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Shardscope %1&lt;/h3&gt;&lt;p&gt;A desktop stream explorer and emulator for Amazon Kinesis Data Streams.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Shardscope %1&lt;/h3&gt;&lt;p&gt;Ein Desktop-Stream-Explorer und -Emulator für Amazon Kinesis Data Streams.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>live AWS · read-only</source>
        <translation>Live-AWS · schreibgeschützt</translation>
    </message>
    <message>
        <source>live AWS · writable</source>
        <translation>Live-AWS · beschreibbar</translation>
    </message>
    <message>
        <source>AWS API · read-only</source>
        <translation>AWS-API · schreibgeschützt</translation>
    </message>
    <message>
        <source>AWS API</source>
        <translation>AWS-API</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>&amp;Records Tab</source>
        <translation>Reiter &amp;Datensätze</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Read the selected stream&apos;s records live and filter them</source>
        <translation>Die Datensätze des gewählten Streams live lesen und filtern</translation>
    </message>
    <message>
        <source>&amp;Put Records…</source>
        <translation>Datensätze &amp;einfügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Put one record, a repeated template or a JSON Lines / CSV batch into the stream</source>
        <translation>Einen Datensatz, eine wiederholte Vorlage oder einen JSON-Lines-/CSV-Stapel in den Stream schreiben</translation>
    </message>
    <message>
        <source>Re&amp;play Records…</source>
        <translation>Datensätze &amp;wiederholen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>Put the selected records, the filter&apos;s matches or a time range into a stream of any connection</source>
        <translation>Die ausgewählten Datensätze, die Treffer des Filters oder einen Zeitraum in einen Stream einer beliebigen Verbindung schreiben</translation>
    </message>
    <message>
        <source>E&amp;xport Records…</source>
        <translation>Datensätze e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>Write the selected records, the filter&apos;s matches or a time range to JSON Lines or CSV</source>
        <translation>Die ausgewählten Datensätze, die Treffer des Filters oder einen Zeitraum als JSON Lines oder CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Import Records…</source>
        <translation>Datensätze &amp;importieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Put the records of a JSON Lines file into the stream</source>
        <translation>Die Datensätze einer JSON-Lines-Datei in den Stream schreiben</translation>
    </message>
    <message>
        <source>Show Record &amp;Reads in Activity</source>
        <translation>&amp;Lesezugriffe in der Aktivität zeigen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Add &amp;AWS Connection…</source>
        <translation>&amp;AWS-Verbindung hinzufügen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>Connect to Kinesis in AWS with a profile or access keys, or to another endpoint</source>
        <translation>Mit Kinesis in AWS über ein Profil oder Zugriffsschlüssel verbinden, oder mit einem anderen Endpunkt</translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation>Verbindung &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+E</source>
        <translation>Ctrl+Alt+E</translation>
    </message>
    <message>
        <source>Change the selected AWS connection&apos;s credentials, region or endpoint</source>
        <translation>Anmeldedaten, Region oder Endpunkt der gewählten AWS-Verbindung ändern</translation>
    </message>
    <message>
        <source>Remo&amp;ve Connection…</source>
        <translation>Verbindung ent&amp;fernen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+X</source>
        <translation>Ctrl+Alt+X</translation>
    </message>
    <message>
        <source>Forget the selected AWS connection and delete its secret from the keychain</source>
        <translation>Die gewählte AWS-Verbindung vergessen und ihr Geheimnis aus dem Schlüsselbund löschen</translation>
    </message>
    <message>
        <source>&amp;Read-only Connection</source>
        <translation>&amp;Schreibgeschützte Verbindung</translation>
    </message>
    <message>
        <source>Ctrl+Alt+O</source>
        <translation>Ctrl+Alt+O</translation>
    </message>
    <message>
        <source>Refuse every change on the selected AWS connection</source>
        <translation>Jede Änderung auf der gewählten AWS-Verbindung ablehnen</translation>
    </message>
    <message>
        <source>Recent &amp;Connections</source>
        <translation>&amp;Zuletzt verwendete Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>Date&amp;nsätze</translation>
    </message>
    <message>
        <source>Select an AWS connection or one of its streams first.</source>
        <translation>Wählen Sie zuerst eine AWS-Verbindung oder einen ihrer Streams.</translation>
    </message>
    <message>
        <source>%1 has no credentials: %2</source>
        <translation>%1 hat keine Anmeldedaten: %2</translation>
    </message>
    <message>
        <source>Remove Connection</source>
        <translation>Verbindung entfernen</translation>
    </message>
    <message>
        <source>Remove the connection “%1”?</source>
        <translation>Die Verbindung „%1“ entfernen?</translation>
    </message>
    <message>
        <source>Its streams stay where they are; Shardscope forgets the connection and deletes its secret from the system keychain.</source>
        <translation>Ihre Streams bleiben, wo sie sind; Shardscope vergisst die Verbindung und löscht ihr Geheimnis aus dem Systemschlüsselbund.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 is read-only now.</source>
        <translation>%1 ist jetzt schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1 accepts changes now.</source>
        <translation>%1 nimmt jetzt Änderungen an.</translation>
    </message>
    <message>
        <source>No recent connections</source>
        <translation>Keine zuletzt verwendeten Verbindungen</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Ctrl+Alt+%1</source>
        <translation>Ctrl+Alt+%1</translation>
    </message>
    <message>
        <source>Go to the connection %1</source>
        <translation>Zur Verbindung %1 wechseln</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Live AWS · read-only — %1. Changes are switched off for this connection.</source>
        <translation>Live-AWS · schreibgeschützt — %1. Änderungen sind für diese Verbindung abgeschaltet.</translation>
    </message>
    <message>
        <source>Live AWS · writable — %1. Changes here affect real streams.</source>
        <translation>Live-AWS · beschreibbar — %1. Änderungen hier betreffen echte Streams.</translation>
    </message>
    <message>
        <source>AWS API · read-only — %1</source>
        <translation>AWS-API · schreibgeschützt — %1</translation>
    </message>
    <message>
        <source>AWS API — %1</source>
        <translation>AWS-API — %1</translation>
    </message>
    <message>
        <source>Also list successful GetRecords, GetShardIterator and shard statistics calls (failed ones always show)</source>
        <translation>Auch erfolgreiche GetRecords-, GetShardIterator- und Shard-Statistik-Aufrufe auflisten (fehlgeschlagene erscheinen immer)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>P&amp;roducers</source>
        <translation>P&amp;roducer</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Generate load into any stream and watch what is sent, acknowledged and throttled, per second and per shard</source>
        <translation>Last in einen beliebigen Stream erzeugen und sehen, was gesendet, bestätigt und gedrosselt wird, pro Sekunde und pro Shard</translation>
    </message>
    <message>
        <source>E&amp;nhanced Monitoring…</source>
        <translation>&amp;Erweiterte Überwachung…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+M</source>
        <translation>Ctrl+Alt+M</translation>
    </message>
    <message>
        <source>Choose the shard-level metrics the selected stream publishes</source>
        <translation>Die Metriken auf Shard-Ebene wählen, die der ausgewählte Stream veröffentlicht</translation>
    </message>
    <message>
        <source>&amp;Warm Throughput…</source>
        <translation>&amp;Warm-Durchsatz…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+W</source>
        <translation>Ctrl+Alt+W</translation>
    </message>
    <message>
        <source>Keep an on-demand stream scaled for a write throughput ahead of traffic</source>
        <translation>Einen On-Demand-Stream schon vor dem Verkehr für einen Schreibdurchsatz skaliert halten</translation>
    </message>
    <message>
        <source>Resource Pol&amp;icy…</source>
        <translation>Ressourcenr&amp;ichtlinie…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Edit the JSON policy that lets other accounts and roles use the selected stream</source>
        <translation>Die JSON-Richtlinie bearbeiten, mit der andere Konten und Rollen den ausgewählten Stream nutzen dürfen</translation>
    </message>
    <message>
        <source>Acco&amp;unt Settings…</source>
        <translation>&amp;Kontoeinstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <source>The selected connection&apos;s minimum throughput billing commitment for on-demand streams</source>
        <translation>Die Mindestdurchsatz-Abrechnungszusage der ausgewählten Verbindung für On-Demand-Streams</translation>
    </message>
    <message>
        <source>Warm throughput applies to on-demand streams only.</source>
        <translation>Warm-Durchsatz gibt es nur für On-Demand-Streams.</translation>
    </message>
    <message>
        <source>&amp;Metrics Tab</source>
        <translation>Registerkarte &amp;Metriken</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>Chart the selected stream&apos;s metrics over the last 15 minutes, hour or day</source>
        <translation>Die Metriken des ausgewählten Streams der letzten 15 Minuten, Stunde oder 24 Stunden als Diagramme zeigen</translation>
    </message>
    <message>
        <source>Cons&amp;umers Tab</source>
        <translation>Registerkarte &amp;Consumer</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>Show the selected stream&apos;s enhanced fan-out consumers and their live subscriptions</source>
        <translation>Die Enhanced-Fan-Out-Consumer des ausgewählten Streams und ihre laufenden Abonnements anzeigen</translation>
    </message>
    <message>
        <source>Sp&amp;lit Shard at a Point…</source>
        <translation>Shard an einem &amp;Punkt teilen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+B</source>
        <translation>Ctrl+Alt+B</translation>
    </message>
    <message>
        <source>Preview a split of the selected shard on the Shards tab: drag the split point or type a key</source>
        <translation>Vorschau einer Teilung des ausgewählten Shards im Reiter Shards: Teilungspunkt ziehen oder einen Schlüssel eingeben</translation>
    </message>
    <message>
        <source>Merge Ad&amp;jacent Shards…</source>
        <translation>Benachbarte Shards zusammen&amp;legen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F</source>
        <translation>Ctrl+Alt+F</translation>
    </message>
    <message>
        <source>Preview merging the selected shard with a neighbour picked by Shift+click on the band</source>
        <translation>Vorschau der Zusammenführung des ausgewählten Shards mit einem per Umschalt+Klick im Band gewählten Nachbarn</translation>
    </message>
    <message>
        <source>Update Shard C&amp;ount…</source>
        <translation>Shard-Anzahl än&amp;dern…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Q</source>
        <translation>Ctrl+Alt+Q</translation>
    </message>
    <message>
        <source>Preview UpdateShardCount&apos;s uniform layout and limits for a target shard count</source>
        <translation>Vorschau der gleichmäßigen Aufteilung und der Limits von UpdateShardCount für eine Ziel-Shardanzahl</translation>
    </message>
    <message>
        <source>Partition-&amp;Key Calculator</source>
        <translation>Partitions&amp;schlüssel-Rechner</translation>
    </message>
    <message>
        <source>Ctrl+Alt+H</source>
        <translation>Ctrl+Alt+H</translation>
    </message>
    <message>
        <source>Type a partition key to see its hash key and the shard it lands on</source>
        <translation>Geben Sie einen Partitionsschlüssel ein, um seinen Hash-Schlüssel und seinen Shard zu sehen</translation>
    </message>
    <message>
        <source>Show Shard &amp;Lineage</source>
        <translation>Shard-&amp;Herkunft anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+V</source>
        <translation>Ctrl+Alt+V</translation>
    </message>
    <message>
        <source>Every shard the stream has had, on a timeline from creation to close</source>
        <translation>Jeder Shard, den der Stream je hatte, auf einer Zeitachse von der Erstellung bis zum Schließen</translation>
    </message>
</context>
<context>
    <name>shardscope::MaxRecordSizeDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Maximum Record Size — %1</source>
        <translation>Maximale Datensatzgröße — %1</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>&amp;Maximum record size:</source>
        <translation>&amp;Maximale Datensatzgröße:</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>%L1 KiB (%2)</source>
        <translation>%L1 KiB (%2)</translation>
    </message>
    <message>
        <source>%L1 KiB is out of range: choose from %L2 to %L3 KiB (1 to 10 MiB).</source>
        <translation>%L1 KiB liegt außerhalb des zulässigen Bereichs: Wählen Sie %L2 bis %L3 KiB (1 bis 10 MiB).</translation>
    </message>
    <message>
        <source>= %1</source>
        <translation>= %1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
</context>
<context>
    <name>shardscope::MemorySecretStore</name>
    <message>
        <source>No secret is stored for the connection %1.</source>
        <translation>Für die Verbindung %1 ist kein Geheimnis gespeichert.</translation>
    </message>
</context>
<context>
    <name>shardscope::NewKmsKeyDialog</name>
    <message>
        <source>New KMS Key</source>
        <translation>Neuer KMS-Schlüssel</translation>
    </message>
    <message>
        <source>e.g. orders-stream</source>
        <translation>z. B. orders-stream</translation>
    </message>
    <message>
        <source>&amp;Alias:</source>
        <translation>&amp;Alias:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Create Key</source>
        <translation>Schlüssel &amp;erstellen</translation>
    </message>
    <message>
        <source>Enter a name for the alias.</source>
        <translation>Geben Sie einen Namen für den Alias ein.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>The alias contains %1, which is not allowed.</source>
        <translation>Der Alias enthält %1, was nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>The alias contains %1, which are not allowed.</source>
        <translation>Der Alias enthält %1, die nicht erlaubt sind.</translation>
    </message>
    <message>
        <source>Use letters A–Z and a–z, digits, “/”, “_” and “-”.</source>
        <translation>Verwenden Sie die Buchstaben A–Z und a–z, Ziffern sowie „/“, „_“ und „-“.</translation>
    </message>
    <message>
        <source>The alias is %L1 characters long; at most %L2 are allowed.</source>
        <translation>Der Alias ist %L1 Zeichen lang; höchstens %L2 sind erlaubt.</translation>
    </message>
    <message>
        <source>Aliases starting with alias/aws/ are reserved for AWS managed keys.</source>
        <translation>Aliase, die mit alias/aws/ beginnen, sind für von AWS verwaltete Schlüssel reserviert.</translation>
    </message>
    <message>
        <source>The alias %1 exists already.</source>
        <translation>Der Alias %1 existiert bereits.</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Wird erstellt…</translation>
    </message>
</context>
<context>
    <name>shardscope::PayloadSpool</name>
    <message>
        <source>The record spool could not be written: %1</source>
        <translation>Der Datensatzspeicher konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>The record spool could not be created: %1</source>
        <translation>Der Datensatzspeicher konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The record spool could not be read: %1</source>
        <translation>Der Datensatzspeicher konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The record spool is shorter than its index.</source>
        <translation>Der Datensatzspeicher ist kürzer als sein Index.</translation>
    </message>
    <message>
        <source>The record spool is damaged.</source>
        <translation>Der Datensatzspeicher ist beschädigt.</translation>
    </message>
    <message>
        <source>The record is no longer kept.</source>
        <translation>Der Datensatz wird nicht mehr vorgehalten.</translation>
    </message>
</context>
<context>
    <name>shardscope::Producer</name>
    <message>
        <source>The producer&apos;s connection is gone.</source>
        <translation>Die Verbindung des Producers besteht nicht mehr.</translation>
    </message>
    <message>
        <source>The connection %1 is read-only.</source>
        <translation>Die Verbindung %1 ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>The producer already has %L1 records outstanding, its limit; wait for their results before putting more.</source>
        <translation>Der Producer hat bereits %L1 offene Datensätze, seine Grenze; warten Sie auf deren Ergebnisse, bevor Sie weitere senden.</translation>
    </message>
    <message>
        <source>The record was not put within its time to live (%L1 ms).</source>
        <translation>Der Datensatz wurde nicht innerhalb seiner Lebensdauer (%L1 ms) geschrieben.</translation>
    </message>
    <message>
        <source>PutRecords answered %L1 results for %L2 records.</source>
        <translation>PutRecords lieferte %L1 Ergebnisse für %L2 Datensätze.</translation>
    </message>
</context>
<context>
    <name>shardscope::ProducerDashboard</name>
    <message>
        <source>Records per second</source>
        <translation>Datensätze pro Sekunde</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Retried</source>
        <translation>Wiederholt</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>Bytes pro Sekunde</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Put latency</source>
        <translation>Schreiblatenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation>Letzte Minute</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Generated %1 · acknowledged %2 · failed %3 · refused %4 · outstanding %5 · p99 %6 ms</source>
        <translation>Erzeugt %1 · bestätigt %2 · fehlgeschlagen %3 · abgelehnt %4 · ausstehend %5 · p99 %6 ms</translation>
    </message>
    <message>
        <source>Records per shard, last second</source>
        <translation>Datensätze pro Shard, letzte Sekunde</translation>
    </message>
    <message>
        <source>Bytes per shard, last second</source>
        <translation>Bytes pro Shard, letzte Sekunde</translation>
    </message>
    <message>
        <source>Producer &amp;Charts</source>
        <translation>Producer-Dia&amp;gramme</translation>
    </message>
    <message>
        <source>Stream Me&amp;trics</source>
        <translation>Stream-Me&amp;triken</translation>
    </message>
    <message>
        <source>The target stream&apos;s metrics as the connection reports them (CloudWatch on AWS)</source>
        <translation>Die Metriken des Ziel-Streams, wie die Verbindung sie meldet (auf AWS aus CloudWatch)</translation>
    </message>
</context>
<context>
    <name>shardscope::ProducersPage</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Pause or resume the selected generator</source>
        <translation>Den ausgewählten Generator pausieren oder fortsetzen</translation>
    </message>
    <message>
        <source>Stop generating; the records already generated are still put or fail</source>
        <translation>Das Erzeugen beenden; bereits erzeugte Datensätze werden noch geschrieben oder schlagen fehl</translation>
    </message>
    <message>
        <source>Remove the selected finished generator and its charts</source>
        <translation>Den ausgewählten beendeten Generator und seine Diagramme entfernen</translation>
    </message>
    <message>
        <source>Start a generator to see what it sends, what Kinesis acknowledges and throttles, and how the records spread over the shards.</source>
        <translation>Starten Sie einen Generator, um zu sehen, was er sendet, was Kinesis bestätigt und drosselt und wie sich die Datensätze auf die Shards verteilen.</translation>
    </message>
    <message>
        <source>New generator</source>
        <translation>Neuer Generator</translation>
    </message>
    <message>
        <source>Generators</source>
        <translation>Generatoren</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
</context>
<context>
    <name>shardscope::PutRecordDialog</name>
    <message>
        <source>E&amp;xplicit hash key:</source>
        <translation>E&amp;xpliziter Hash-Schlüssel:</translation>
    </message>
    <message>
        <source>C&amp;hoose File…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Dele&amp;te</source>
        <translation>Lösc&amp;hen</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Put Records — %1</source>
        <translation>Datensätze schreiben — %1</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Datensatz</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>S&amp;tapel</translation>
    </message>
    <message>
        <source>Put the record (%1)</source>
        <translation>Den Datensatz schreiben (%1)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Open Batch File…</source>
        <translation>Stapeldatei öffnen…</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>This connection is read-only: records cannot be put into “%1”.</source>
        <translation>Diese Verbindung ist schreibgeschützt: In „%1“ können keine Datensätze geschrieben werden.</translation>
    </message>
    <message>
        <source>e.g. user-{{random:int:1:100}}</source>
        <translation>z. B. user-{{random:int:1:100}}</translation>
    </message>
    <message>
        <source>&amp;Partition key:</source>
        <translation>&amp;Partitionsschlüssel:</translation>
    </message>
    <message>
        <source>Route by this hash key instead of the MD5 of the partition key: a decimal from 0 to 2^128 - 1.</source>
        <translation>Nach diesem Hash-Schlüssel statt nach dem MD5 des Partitionsschlüssels verteilen: eine Dezimalzahl von 0 bis 2^128 - 1.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>&amp;Data as:</source>
        <translation>Date&amp;n als:</translation>
    </message>
    <message>
        <source>The record&apos;s data. Placeholders: {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</source>
        <translation>Die Daten des Datensatzes. Platzhalter: {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Put this many records, expanding the placeholders for each.</source>
        <translation>So viele Datensätze schreiben, die Platzhalter für jeden neu erweitert.</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Vorlagenname</translation>
    </message>
    <message>
        <source>Te&amp;mplate:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>times</source>
        <translation>mal</translation>
    </message>
    <message>
        <source>Placeholders in the key and data: {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</source>
        <translation>Platzhalter in Schlüssel und Daten: {{counter}}, {{random:int:1:100}}, {{uuid}}, {{timestamp}}, {{choice:a|b|c}}</translation>
    </message>
    <message>
        <source>Hash key:</source>
        <translation>Hash-Schlüssel:</translation>
    </message>
    <message>
        <source>Target shard:</source>
        <translation>Ziel-Shard:</translation>
    </message>
    <message>
        <source>Open a JSON Lines (.jsonl) or CSV (.csv) file (%1)</source>
        <translation>Eine JSON-Lines- (.jsonl) oder CSV-Datei (.csv) öffnen (%1)</translation>
    </message>
    <message>
        <source>No file opened.</source>
        <translation>Keine Datei geöffnet.</translation>
    </message>
    <message>
        <source>JSON Lines: one object per line with PartitionKey, one of Data (base64), DataText or DataJson, and optionally ExplicitHashKey.
CSV: a header row with partitionKey, data (or dataBase64) and optionally explicitHashKey.</source>
        <translation>JSON Lines: ein Objekt pro Zeile mit PartitionKey, einem von Data (Base64), DataText oder DataJson und optional ExplicitHashKey.
CSV: eine Kopfzeile mit partitionKey, data (oder dataBase64) und optional explicitHashKey.</translation>
    </message>
    <message>
        <source>“%1” is not a hex digit.</source>
        <translation>„%1“ ist keine Hexadezimalziffer.</translation>
    </message>
    <message>
        <source>An odd number of hex digits: the last byte has only one.</source>
        <translation>Ungerade Anzahl Hexadezimalziffern: Das letzte Byte hat nur eine.</translation>
    </message>
    <message>
        <source>Not valid JSON at line %1, column %2: %3</source>
        <translation>Kein gültiges JSON in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Not valid hex at line %1, column %2: %3</source>
        <translation>Kein gültiges Hex in Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Choose a file to send.</source>
        <translation>Wählen Sie eine Datei zum Senden.</translation>
    </message>
    <message>
        <source>Record %1: %2</source>
        <translation>Datensatz %1: %2</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>Enter a partition key: every record needs one, even with an explicit hash key.</source>
        <translation>Geben Sie einen Partitionsschlüssel ein: Jeder Datensatz braucht einen, auch mit explizitem Hash-Schlüssel.</translation>
    </message>
    <message>
        <source>The partition key has %L1 characters; at most %L2 are allowed.</source>
        <translation>Der Partitionsschlüssel hat %L1 Zeichen; höchstens %L2 sind erlaubt.</translation>
    </message>
    <message>
        <source>Enter a decimal number from 0 to 2^128 - 1 (340282366920938463463374607431768211455).</source>
        <translation>Geben Sie eine Dezimalzahl von 0 bis 2^128 - 1 (340282366920938463463374607431768211455) ein.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>The record is %1; this stream takes at most %2.</source>
        <translation>Der Datensatz ist %1 groß; dieser Stream nimmt höchstens %2 an.</translation>
    </message>
    <message>
        <source>%1 (first record)</source>
        <translation>%1 (erster Datensatz)</translation>
    </message>
    <message>
        <source>explicit</source>
        <translation>explizit</translation>
    </message>
    <message>
        <source>MD5 of the first record&apos;s partition key</source>
        <translation>MD5 des Partitionsschlüssels des ersten Datensatzes</translation>
    </message>
    <message>
        <source>MD5 of the partition key</source>
        <translation>MD5 des Partitionsschlüssels</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unknown: the shards could not be listed (%1).</source>
        <translation>Unbekannt: Die Shards konnten nicht aufgelistet werden (%1).</translation>
    </message>
    <message>
        <source>Listing shards…</source>
        <translation>Shards werden aufgelistet…</translation>
    </message>
    <message>
        <source>No open shard holds this key.</source>
        <translation>Kein offener Shard enthält diesen Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Send %1</source>
        <translation>%1 &amp;senden</translation>
    </message>
    <message>
        <source>“%1” is not a file.</source>
        <translation>„%1“ ist keine Datei.</translation>
    </message>
    <message>
        <source>The file is %1; a record in this stream can hold at most %2.</source>
        <translation>Die Datei ist %1 groß; ein Datensatz in diesem Stream fasst höchstens %2.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2</source>
        <translation>„%1“ konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Choose the Record&apos;s Data</source>
        <translation>Daten des Datensatzes wählen</translation>
    </message>
    <message>
        <source>Open Batch File</source>
        <translation>Stapeldatei öffnen</translation>
    </message>
    <message>
        <source>JSON Lines or CSV (*.jsonl *.ndjson *.json *.csv);;All files (*)</source>
        <translation>JSON Lines oder CSV (*.jsonl *.ndjson *.json *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <source>%1 ready to send (%2).</source>
        <translation>%1 bereit zum Senden (%2).</translation>
    </message>
    <message>
        <source>1 line cannot be read and will be skipped:</source>
        <translation>1 Zeile ist nicht lesbar und wird übersprungen:</translation>
    </message>
    <message>
        <source>%L1 lines cannot be read and will be skipped:</source>
        <translation>%L1 Zeilen sind nicht lesbar und werden übersprungen:</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Put into %1 with sequence number %2.</source>
        <translation>In %1 mit Sequenznummer %2 geschrieben.</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>%1 werden gesendet…</translation>
    </message>
    <message>
        <source>Stopping after the request in flight…</source>
        <translation>Wird nach der laufenden Anfrage angehalten…</translation>
    </message>
    <message>
        <source>%1 put.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Stopped: %1 not sent.</source>
        <translation>Angehalten: %1 nicht gesendet.</translation>
    </message>
    <message>
        <source>Saved the template “%1”.</source>
        <translation>Vorlage „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Stop sending; the records already put stay (Ctrl+.).</source>
        <translation>Senden anhalten; bereits geschriebene Datensätze bleiben (Strg+.).</translation>
    </message>
    <message>
        <source>Line %1 · %2</source>
        <translation>Zeile %1 · %2</translation>
    </message>
    <message>
        <source>Repeat %1 · %2</source>
        <translation>Wiederholung %1 · %2</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> Datensätze/s</translation>
    </message>
    <message>
        <source>As fast as allowed</source>
        <translation>So schnell wie erlaubt</translation>
    </message>
    <message>
        <source>How fast a batch or a repeat is put; throttled records are retried either way.</source>
        <translation>Wie schnell ein Stapel oder eine Wiederholung geschrieben wird; gedrosselte Datensätze werden in jedem Fall erneut versucht.</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>R&amp;ate:</translation>
    </message>
    <message>
        <source>Rep&amp;eat:</source>
        <translation>Wiederh&amp;olen:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>By shard: %1.</source>
        <translation>Nach Shard: %1.</translation>
    </message>
    <message>
        <source>%1 not sent.</source>
        <translation>%1 nicht gesendet.</translation>
    </message>
</context>
<context>
    <name>shardscope::RangeReader</name>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordBatch</name>
    <message>
        <source>The partition key is empty.</source>
        <translation>Der Partitionsschlüssel ist leer.</translation>
    </message>
    <message>
        <source>The partition key has %L1 characters; at most %L2 are allowed.</source>
        <translation>Der Partitionsschlüssel hat %L1 Zeichen; höchstens %L2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The explicit hash key “%1” is not a decimal number from 0 to 2^128 - 1.</source>
        <translation>Der explizite Hash-Schlüssel „%1“ ist keine Dezimalzahl von 0 bis 2^128 - 1.</translation>
    </message>
    <message>
        <source>The record is %L1 bytes; at most %L2 are allowed.</source>
        <translation>Der Datensatz hat %L1 Bytes; höchstens %L2 sind erlaubt.</translation>
    </message>
    <message>
        <source>Column %1: %2</source>
        <translation>Spalte %1: %2</translation>
    </message>
    <message>
        <source>Expected a JSON object.</source>
        <translation>Ein JSON-Objekt wurde erwartet.</translation>
    </message>
    <message>
        <source>Unknown member “%1”; use PartitionKey, ExplicitHashKey and one of Data, DataText or DataJson.</source>
        <translation>Unbekanntes Feld „%1“; verwenden Sie PartitionKey, ExplicitHashKey und eines von Data, DataText oder DataJson.</translation>
    </message>
    <message>
        <source>PartitionKey is missing.</source>
        <translation>PartitionKey fehlt.</translation>
    </message>
    <message>
        <source>PartitionKey must be a string.</source>
        <translation>PartitionKey muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>ExplicitHashKey must be a string of decimal digits.</source>
        <translation>ExplicitHashKey muss eine Zeichenkette aus Dezimalziffern sein.</translation>
    </message>
    <message>
        <source>Data, DataText or DataJson is missing.</source>
        <translation>Data, DataText oder DataJson fehlt.</translation>
    </message>
    <message>
        <source>Give only one of Data, DataText and DataJson.</source>
        <translation>Geben Sie nur eines von Data, DataText und DataJson an.</translation>
    </message>
    <message>
        <source>Data must be a base64 string.</source>
        <translation>Data muss eine Base64-Zeichenkette sein.</translation>
    </message>
    <message>
        <source>Data is not valid base64.</source>
        <translation>Data ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>DataText must be a string.</source>
        <translation>DataText muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>A quoted field is not closed.</source>
        <translation>Ein Feld in Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>The file is empty; expected a header row with partitionKey and data.</source>
        <translation>Die Datei ist leer; erwartet wurde eine Kopfzeile mit partitionKey und data.</translation>
    </message>
    <message>
        <source>Unknown column “%1”; use partitionKey, data (or dataBase64) and explicitHashKey.</source>
        <translation>Unbekannte Spalte „%1“; verwenden Sie partitionKey, data (oder dataBase64) und explicitHashKey.</translation>
    </message>
    <message>
        <source>The header row must name partitionKey and one of data or dataBase64.</source>
        <translation>Die Kopfzeile muss partitionKey und entweder data oder dataBase64 nennen.</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2.</source>
        <translation>%1 Felder erwartet, %2 gefunden.</translation>
    </message>
    <message>
        <source>dataBase64 is not valid base64.</source>
        <translation>dataBase64 ist kein gültiges Base64.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordExport</name>
    <message>
        <source>Not valid JSON at column %1: %2.</source>
        <translation>Kein gültiges JSON in Spalte %1: %2.</translation>
    </message>
    <message>
        <source>Expected a JSON object.</source>
        <translation>Ein JSON-Objekt wurde erwartet.</translation>
    </message>
    <message>
        <source>ShardId must be a string.</source>
        <translation>ShardId muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>SequenceNumber must be a string.</source>
        <translation>SequenceNumber muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>ExplicitHashKey must be a string.</source>
        <translation>ExplicitHashKey muss eine Zeichenkette sein.</translation>
    </message>
    <message>
        <source>PartitionKey is missing or empty.</source>
        <translation>PartitionKey fehlt oder ist leer.</translation>
    </message>
    <message>
        <source>ApproximateArrivalTimestamp “%1” is not an ISO 8601 date and time.</source>
        <translation>ApproximateArrivalTimestamp „%1“ ist kein Datum mit Uhrzeit nach ISO 8601.</translation>
    </message>
    <message>
        <source>ApproximateArrivalTimestamp must be a string or a number.</source>
        <translation>ApproximateArrivalTimestamp muss eine Zeichenkette oder eine Zahl sein.</translation>
    </message>
    <message>
        <source>Data is not valid base64.</source>
        <translation>Data ist kein gültiges Base64.</translation>
    </message>
    <message>
        <source>Data and DataText disagree.</source>
        <translation>Data und DataText stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Data must be a base64 string.</source>
        <translation>Data muss eine Base64-Zeichenkette sein.</translation>
    </message>
    <message>
        <source>Data is missing.</source>
        <translation>Data fehlt.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordFormat</name>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation>%L1 Bytes</translation>
    </message>
    <message>
        <source>%1, %2 → %3</source>
        <translation>%1, %2 → %3</translation>
    </message>
    <message>
        <source>%1 (cut off)</source>
        <translation>%1 (abgeschnitten)</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordInspector</name>
    <message>
        <source>Show &amp;all</source>
        <translation>&amp;Alles anzeigen</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Ankunft</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Hash key</source>
        <translation>Hash-Schlüssel</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Explicit hash key</source>
        <translation>Expliziter Hash-Schlüssel</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>&amp;Text View</source>
        <translation>&amp;Textansicht</translation>
    </message>
    <message>
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <source>&amp;JSON View</source>
        <translation>&amp;JSON-Ansicht</translation>
    </message>
    <message>
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <source>&amp;Hex View</source>
        <translation>&amp;Hex-Ansicht</translation>
    </message>
    <message>
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <source>&amp;Base64 View</source>
        <translation>&amp;Base64-Ansicht</translation>
    </message>
    <message>
        <source>Alt+4</source>
        <translation>Alt+4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+J</source>
        <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
        <source>Copy the record as a JSON object</source>
        <translation>Den Datensatz als JSON-Objekt kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;CLI Command</source>
        <translation>Als &amp;CLI-Befehl kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <source>Copy an aws kinesis put-record command that puts this record again</source>
        <translation>Einen aws-kinesis-put-record-Befehl kopieren, der diesen Datensatz erneut schreibt</translation>
    </message>
    <message>
        <source>&amp;Save to File…</source>
        <translation>In Datei &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the record&apos;s bytes, as stored, to a file</source>
        <translation>Die Bytes des Datensatzes, wie gespeichert, in eine Datei schreiben</translation>
    </message>
    <message>
        <source>Show &amp;All</source>
        <translation>&amp;Alles anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Show the whole payload instead of its first part</source>
        <translation>Die ganze Nutzlast statt nur ihres Anfangs anzeigen</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>%1 (explicit)</source>
        <translation>%1 (explizit)</translation>
    </message>
    <message>
        <source>%1 (MD5 of the partition key)</source>
        <translation>%1 (MD5 des Partitionsschlüssels)</translation>
    </message>
    <message>
        <source>Decoding %1…</source>
        <translation>%1 wird dekodiert…</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>mismatch</source>
        <translation>abweichend</translation>
    </message>
    <message>
        <source>The aggregate&apos;s MD5 trailer does not match its contents.</source>
        <translation>Die MD5-Prüfsumme am Ende des Aggregats passt nicht zu seinem Inhalt.</translation>
    </message>
    <message>
        <source>1 sub-record</source>
        <translation>1 Unterdatensatz</translation>
    </message>
    <message>
        <source>%L1 sub-records</source>
        <translation>%L1 Unterdatensätze</translation>
    </message>
    <message>
        <source>KPL aggregated record: %1, MD5 checked</source>
        <translation>KPL-aggregierter Datensatz: %1, MD5 geprüft</translation>
    </message>
    <message>
        <source>KPL aggregated record: %1, MD5 mismatch (stored %2, computed %3)</source>
        <translation>KPL-aggregierter Datensatz: %1, MD5 abweichend (gespeichert %2, berechnet %3)</translation>
    </message>
    <message>
        <source>Sub-record %1, partition key “%2”</source>
        <translation>Unterdatensatz %1, Partitionsschlüssel „%2“</translation>
    </message>
    <message>
        <source>1 byte is not UTF-8</source>
        <translation>1 Byte ist kein UTF-8</translation>
    </message>
    <message>
        <source>%L1 bytes are not UTF-8</source>
        <translation>%L1 Bytes sind kein UTF-8</translation>
    </message>
    <message>
        <source>Large payload: showing the first %1 of %2.</source>
        <translation>Große Nutzlast: die ersten %1 von %2 werden angezeigt.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 as text; the hex dump and the tree have all of it, and Save to File writes every byte.</source>
        <translation>Die ersten %1 von %2 werden als Text angezeigt; Hex-Ansicht und Baum enthalten alles, und „In Datei speichern“ schreibt jedes Byte.</translation>
    </message>
    <message>
        <source>The document is too large to format; see the tree, the text or the hex dump.</source>
        <translation>Das Dokument ist zu groß zum Formatieren; siehe Baum, Text oder Hex-Ansicht.</translation>
    </message>
    <message>
        <source>Copied the record as %1.</source>
        <translation>Datensatz als %1 kopiert.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Speichern nach %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Save Record Payload</source>
        <translation>Nutzlast des Datensatzes speichern</translation>
    </message>
    <message>
        <source>No record selected: click a row above to see its payload here.</source>
        <translation>Kein Datensatz ausgewählt: eine Zeile oben anklicken, um hier ihren Inhalt zu sehen.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordReplayer</name>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>%1 is a read-only connection: records cannot be put into it.</source>
        <translation>%1 ist eine schreibgeschützte Verbindung: Es können keine Datensätze hineingeschrieben werden.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The response had no result for this record.</source>
        <translation>Die Antwort enthielt kein Ergebnis für diesen Datensatz.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordSourceBox</name>
    <message>
        <source>Records from %1</source>
        <translation>Datensätze aus %1</translation>
    </message>
    <message>
        <source>&amp;Time range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Se&amp;quence range:</source>
        <translation>Se&amp;quenzbereich:</translation>
    </message>
    <message>
        <source>first record</source>
        <translation>erster Datensatz</translation>
    </message>
    <message>
        <source>last record</source>
        <translation>letzter Datensatz</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;These %1</source>
        <translation>&amp;Diese %1</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordTemplate</name>
    <message>
        <source>{{counter:N}} needs a whole number to start at.</source>
        <translation>{{counter:N}} braucht eine ganze Zahl als Startwert.</translation>
    </message>
    <message>
        <source>{{uuid}} takes no arguments.</source>
        <translation>{{uuid}} hat keine Argumente.</translation>
    </message>
    <message>
        <source>Use {{timestamp}}, {{timestamp:epoch}} or {{timestamp:epochms}}.</source>
        <translation>Verwenden Sie {{timestamp}}, {{timestamp:epoch}} oder {{timestamp:epochms}}.</translation>
    </message>
    <message>
        <source>{{choice:a|b|c}} needs at least one alternative.</source>
        <translation>{{choice:a|b|c}} braucht mindestens eine Alternative.</translation>
    </message>
    <message>
        <source>Use {{random:int:MIN:MAX}} with whole numbers.</source>
        <translation>Verwenden Sie {{random:int:MIN:MAX}} mit ganzen Zahlen.</translation>
    </message>
    <message>
        <source>The minimum %1 is greater than the maximum %2.</source>
        <translation>Das Minimum %1 ist größer als das Maximum %2.</translation>
    </message>
    <message>
        <source>Use {{random:float:MIN:MAX}} with numbers.</source>
        <translation>Verwenden Sie {{random:float:MIN:MAX}} mit Zahlen.</translation>
    </message>
    <message>
        <source>Use {{random:hex:N}} with N from 1 to 1024.</source>
        <translation>Verwenden Sie {{random:hex:N}} mit N von 1 bis 1024.</translation>
    </message>
    <message>
        <source>Use {{random:int:MIN:MAX}}, {{random:float:MIN:MAX}} or {{random:hex:N}}.</source>
        <translation>Verwenden Sie {{random:int:MIN:MAX}}, {{random:float:MIN:MAX}} oder {{random:hex:N}}.</translation>
    </message>
    <message>
        <source>Unknown placeholder “{{%1}}”; use counter, random, uuid, timestamp or choice.</source>
        <translation>Unbekannter Platzhalter „{{%1}}“; verwenden Sie counter, random, uuid, timestamp oder choice.</translation>
    </message>
    <message>
        <source>“{{” is not closed with “}}”.</source>
        <translation>„{{“ wird nicht mit „}}“ geschlossen.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordsModel</name>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <source>Arrival time (UTC)</source>
        <translation>Ankunftszeit (UTC)</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>Explicit hash key</source>
        <translation>Expliziter Hash-Schlüssel</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>(payload unavailable: %1)</source>
        <translation>(Nutzdaten nicht verfügbar: %1)</translation>
    </message>
    <message>
        <source>The payload could not be loaded.</source>
        <translation>Die Nutzdaten konnten nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordReader</name>
    <message>
        <source>Enter a sequence number (decimal digits).</source>
        <translation>Geben Sie eine Sequenznummer ein (Dezimalziffern).</translation>
    </message>
    <message>
        <source>Choose the shard this sequence number belongs to.</source>
        <translation>Wählen Sie den Shard, zu dem diese Sequenznummer gehört.</translation>
    </message>
</context>
<context>
    <name>shardscope::FanOutReader</name>
    <message>
        <source>There is no connection to read from.</source>
        <translation>Es gibt keine Verbindung, von der gelesen werden kann.</translation>
    </message>
    <message>
        <source>Choose a consumer to read through.</source>
        <translation>Wählen Sie einen Consumer, über den gelesen wird.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Shard %1 does not exist in stream %2.</source>
        <translation>Shard %1 existiert im Stream %2 nicht.</translation>
    </message>
    <message>
        <source>%1 is still held by another subscription of this consumer; subscribing again in %2 s (%3)</source>
        <translation>%1 ist noch von einem anderen Abonnement dieses Consumers belegt; neues Abonnement in %2 s (%3)</translation>
    </message>
    <message>
        <source>Reading %1 failed, retrying: %2</source>
        <translation>Lesen von %1 fehlgeschlagen, neuer Versuch: %2</translation>
    </message>
    <message>
        <source>Stopped reading %1: %2</source>
        <translation>Lesen von %1 beendet: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::ReaderChoice</name>
    <message>
        <source>Read &amp;with</source>
        <translation>Lesen &amp;mit</translation>
    </message>
    <message>
        <source>Register &amp;Consumer to Read With…</source>
        <translation>&amp;Consumer zum Lesen registrieren…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Register an enhanced fan-out consumer of this stream to read it through</source>
        <translation>Einen Enhanced-Fan-out-Consumer dieses Streams registrieren, um über ihn zu lesen</translation>
    </message>
    <message>
        <source>%1 cannot subscribe to shards: only polling reads records here.</source>
        <translation>%1 kann keine Shards abonnieren: Datensätze werden hier nur per Abfrage gelesen.</translation>
    </message>
    <message>
        <source>The consumers could not be listed: %1</source>
        <translation>Die Consumer konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Polling (GetRecords)</source>
        <translation>Abfrage (GetRecords)</translation>
    </message>
    <message>
        <source>Ask every shard for records with GetRecords, sharing its read quota (5 calls and 2 MiB per second) with the stream&apos;s other readers</source>
        <translation>Jeden Shard mit GetRecords nach Datensätzen fragen; sein Lesekontingent (5 Aufrufe und 2 MiB pro Sekunde) teilen sich alle Leser des Streams</translation>
    </message>
    <message>
        <source>Consumer %1 (enhanced fan-out)</source>
        <translation>Consumer %1 (Enhanced Fan-out)</translation>
    </message>
    <message>
        <source>Consumer %1 (%2)</source>
        <translation>Consumer %1 (%2)</translation>
    </message>
    <message>
        <source>Records are pushed through this consumer (SubscribeToShard), 2 MiB/s per shard of its own</source>
        <translation>Datensätze werden über diesen Consumer zugestellt (SubscribeToShard), mit eigenen 2 MiB/s pro Shard</translation>
    </message>
    <message>
        <source>Only an ACTIVE consumer can be read through</source>
        <translation>Nur über einen ACTIVE-Consumer kann gelesen werden</translation>
    </message>
    <message>
        <source>Register a consumer…</source>
        <translation>Consumer registrieren…</translation>
    </message>
    <message>
        <source>How records are read: polling with GetRecords, or pushed through an enhanced fan-out consumer</source>
        <translation>Wie Datensätze gelesen werden: per Abfrage mit GetRecords oder zugestellt über einen Enhanced-Fan-out-Consumer</translation>
    </message>
    <message>
        <source>Waiting until consumer %1 is ACTIVE (it is %2)…</source>
        <translation>Warten, bis Consumer %1 ACTIVE ist (er ist %2)…</translation>
    </message>
    <message>
        <source>Consumer %1 is ACTIVE and chosen for the next read: stop (Shift+F8) and read again (F8) to read through it.</source>
        <translation>Consumer %1 ist ACTIVE und für das nächste Lesen gewählt: Lesen beenden (Umschalt+F8) und neu starten (F8), um über ihn zu lesen.</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardLagLine</name>
    <message>
        <source>shard %1</source>
        <translation>Shard %1</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>subscribing…</source>
        <translation>wird abonniert…</translation>
    </message>
    <message>
        <source>Behind the newest record: listing shards…</source>
        <translation>Rückstand zum neuesten Datensatz: Shards werden aufgelistet…</translation>
    </message>
    <message>
        <source>Behind the newest record: %1</source>
        <translation>Rückstand zum neuesten Datensatz: %1</translation>
    </message>
    <message>
        <source>MillisBehindLatest of each shard&apos;s last event: how far the consumer&apos;s read is behind the newest record in the shard</source>
        <translation>MillisBehindLatest des letzten Ereignisses jedes Shards: wie weit das Lesen des Consumers hinter dem neuesten Datensatz im Shard liegt</translation>
    </message>
</context>
<context>
    <name>shardscope::RecordsPage</name>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Start at</source>
        <translation>Beginnen bei</translation>
    </message>
    <message>
        <source>Trim horizon</source>
        <translation>Trim Horizon (ältester)</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>At timestamp</source>
        <translation>Ab Zeitpunkt</translation>
    </message>
    <message>
        <source>At sequence number</source>
        <translation>Ab Sequenznummer</translation>
    </message>
    <message>
        <source>After sequence number</source>
        <translation>Nach Sequenznummer</translation>
    </message>
    <message>
        <source>Where each shard is read from</source>
        <translation>Wo jeder Shard zu lesen beginnt</translation>
    </message>
    <message>
        <source>Read the records that arrived at or after this time</source>
        <translation>Die Datensätze lesen, die zu oder nach diesem Zeitpunkt eintrafen</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>Sequenznummer</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>All shards</source>
        <translation>Alle Shards</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>F8</source>
        <translation>F8</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <source>Shift+F8</source>
        <translation>Shift+F8</translation>
    </message>
    <message>
        <source>Stop reading (Shift+F8)</source>
        <translation>Lesen beenden (Umschalt+F8)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Forget the records read so far (Ctrl+L)</source>
        <translation>Die bisher gelesenen Datensätze verwerfen (Strg+L)</translation>
    </message>
    <message>
        <source>Reading stopped: %1</source>
        <translation>Lesen angehalten: %1</translation>
    </message>
    <message>
        <source>Filter, e.g. pk == &quot;user-42&quot; &amp;&amp; data.status == &quot;error&quot; &amp;&amp; size &gt; 1k</source>
        <translation>Filter, z. B. pk == &quot;user-42&quot; &amp;&amp; data.status == &quot;error&quot; &amp;&amp; size &gt; 1k</translation>
    </message>
    <message>
        <source>Fields: %1. Ctrl+Space completes; Return applies.</source>
        <translation>Felder: %1. Strg+Leertaste ergänzt; Eingabe wendet an.</translation>
    </message>
    <message>
        <source>&amp;Filter Records</source>
        <translation>Datensätze &amp;filtern</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Run the filter over every record read so far (Return)</source>
        <translation>Den Filter auf alle bisher gelesenen Datensätze anwenden (Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the scan; the matches found so far stay</source>
        <translation>Die Suche beenden; bisherige Treffer bleiben</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>Alle zeigen</translation>
    </message>
    <message>
        <source>Show every record again</source>
        <translation>Wieder alle Datensätze zeigen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Keep this filter under a name</source>
        <translation>Diesen Filter unter einem Namen speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Forget the chosen saved filter</source>
        <translation>Den gewählten gespeicherten Filter löschen</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>Save Filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Choose a stream first.</source>
        <translation>Wählen Sie zuerst einen Stream.</translation>
    </message>
    <message>
        <source>The time is in the future.</source>
        <translation>Der Zeitpunkt liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>Enter a sequence number.</source>
        <translation>Geben Sie eine Sequenznummer ein.</translation>
    </message>
    <message>
        <source>Scanned %1 / matched %2</source>
        <translation>Durchsucht %1 / Treffer %2</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <source> · %1 new</source>
        <translation> · %1 neu</translation>
    </message>
    <message>
        <source>%1 (column %2)</source>
        <translation>%1 (Spalte %2)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Stop asking for records for now (F8)</source>
        <translation>Vorerst keine Datensätze mehr abfragen (F8)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue where reading paused (F8)</source>
        <translation>Dort weiterlesen, wo pausiert wurde (F8)</translation>
    </message>
    <message>
        <source>Read the stream from the chosen position (F8)</source>
        <translation>Den Stream ab der gewählten Position lesen (F8)</translation>
    </message>
    <message>
        <source>1 record</source>
        <translation>1 Datensatz</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>reading 1 shard</source>
        <translation>liest 1 Shard</translation>
    </message>
    <message>
        <source>reading %1 shards</source>
        <translation>liest %1 Shards</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>showing the newest %1</source>
        <translation>zeigt die neuesten %1</translation>
    </message>
    <message>
        <source>Throttled: 1 shard</source>
        <translation>Gedrosselt: 1 Shard</translation>
    </message>
    <message>
        <source>Throttled: %1 shards</source>
        <translation>Gedrosselt: %1 Shards</translation>
    </message>
    <message>
        <source>Kinesis refused reads (ProvisionedThroughputExceeded); backing off</source>
        <translation>Kinesis hat Lesezugriffe abgelehnt (ProvisionedThroughputExceeded); Wartezeit wird erhöht</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>last </source>
        <translation>letzte </translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Read the records that arrived in the last this many minutes, then new ones</source>
        <translation>Die Datensätze der letzten so vielen Minuten lesen, dann die neuen</translation>
    </message>
    <message>
        <source>Type a filter for the records read</source>
        <translation>Einen Filter für die gelesenen Datensätze eingeben</translation>
    </message>
    <message>
        <source>&amp;Complete Filter</source>
        <translation>Filter &amp;vervollständigen</translation>
    </message>
    <message>
        <source>List the fields and JSON paths that fit at the cursor in the records filter</source>
        <translation>Die Felder und JSON-Pfade auflisten, die an der Cursorposition in den Datensatzfilter passen</translation>
    </message>
    <message>
        <source>F&amp;ilter</source>
        <translation>F&amp;ilter</translation>
    </message>
    <message>
        <source>the last minute</source>
        <translation>die letzte Minute</translation>
    </message>
    <message>
        <source>the last %1 minutes</source>
        <translation>die letzten %1 Minuten</translation>
    </message>
    <message>
        <source>the trim horizon (the oldest record kept)</source>
        <translation>der Trim Horizon (der älteste gespeicherte Datensatz)</translation>
    </message>
    <message>
        <source>the latest record</source>
        <translation>der neueste Datensatz</translation>
    </message>
    <message>
        <source>sequence number %1</source>
        <translation>Sequenznummer %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>&lt;p&gt;Not reading %1.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;start&quot;&gt;Start reading&lt;/a&gt; (%2) from %3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 wird nicht gelesen.&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;start&quot;&gt;Lesen beginnen&lt;/a&gt; (%2), ab: %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No record matches the filter yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Noch passt kein Datensatz zum Filter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading %1 from the latest record.&lt;/p&gt;&lt;p&gt;Records appear here as they are put.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 wird ab dem neuesten Datensatz gelesen.&lt;/p&gt;&lt;p&gt;Datensätze erscheinen hier, sobald sie geschrieben werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Reading %1 from %2: no records there yet.&lt;/p&gt;&lt;p&gt;New records appear here as they are put.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 wird gelesen, ab: %2 – dort noch keine Datensätze.&lt;/p&gt;&lt;p&gt;Neue Datensätze erscheinen hier, sobald sie geschrieben werden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Paused. &lt;a href=&quot;start&quot;&gt;Resume&lt;/a&gt; (%1)&lt;/p&gt;</source>
        <translation>&lt;p&gt;Angehalten. &lt;a href=&quot;start&quot;&gt;Fortsetzen&lt;/a&gt; (%1)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>pushed through consumer %1</source>
        <translation>zugestellt über Consumer %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ReplayDialog</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Replay Records — %1</source>
        <translation>Datensätze wiedergeben — %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1 is read-only: records cannot be put into it.</source>
        <translation>%1 ist schreibgeschützt: Es können keine Datensätze hineingeschrieben werden.</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> Datensätze/s</translation>
    </message>
    <message>
        <source>As fast as allowed</source>
        <translation>So schnell wie erlaubt</translation>
    </message>
    <message>
        <source>Put them into</source>
        <translation>Schreiben in</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>St&amp;ream:</source>
        <translation>St&amp;ream:</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>R&amp;ate:</translation>
    </message>
    <message>
        <source>Stop sending; the records already put stay (Ctrl+.).</source>
        <translation>Senden anhalten; bereits geschriebene Datensätze bleiben (Strg+.).</translation>
    </message>
    <message>
        <source>Reading the range: %1 so far, %2 of %3 done</source>
        <translation>Bereich wird gelesen: bisher %1, %2 von %3 fertig</translation>
    </message>
    <message>
        <source>No records in that range.</source>
        <translation>In diesem Bereich gibt es keine Datensätze.</translation>
    </message>
    <message>
        <source>There is no connection to put records into.</source>
        <translation>Es gibt keine Verbindung, in die Datensätze geschrieben werden können.</translation>
    </message>
    <message>
        <source>Every connection is read-only.</source>
        <translation>Alle Verbindungen sind schreibgeschützt.</translation>
    </message>
    <message>
        <source>Listing streams…</source>
        <translation>Streams werden aufgelistet…</translation>
    </message>
    <message>
        <source>This connection has no streams.</source>
        <translation>Diese Verbindung hat keine Streams.</translation>
    </message>
    <message>
        <source>Reading the range…</source>
        <translation>Bereich wird gelesen …</translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>Angehalten. %1</translation>
    </message>
    <message>
        <source>Done. %1</source>
        <translation>Fertig. %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
</context>
<context>
    <name>shardscope::ReplayFailuresTable</name>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Error code</source>
        <translation>Fehlercode</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <source>#%1 · %2</source>
        <translation>Nr. %1 · %2</translation>
    </message>
    <message>
        <source>%1, sequence number %2</source>
        <translation>%1, Sequenznummer %2</translation>
    </message>
    <message>
        <source>Sent %1 of %2 · %3 succeeded · %4 failed · %5 retried</source>
        <translation>%1 von %2 gesendet · %3 erfolgreich · %4 fehlgeschlagen · %5 wiederholt</translation>
    </message>
</context>
<context>
    <name>shardscope::ResourcePolicyDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Delete Policy</source>
        <translation>Richtlinie &amp;löschen</translation>
    </message>
    <message>
        <source>Insert &amp;Template</source>
        <translation>&amp;Vorlage einfügen</translation>
    </message>
    <message>
        <source>Resource Policy — %1</source>
        <translation>Ressourcenrichtlinie — %1</translation>
    </message>
    <message>
        <source>No policy. Type one as JSON or insert the template.</source>
        <translation>Keine Richtlinie. Geben Sie eine als JSON ein oder fügen Sie die Vorlage ein.</translation>
    </message>
    <message>
        <source>&amp;Policy (JSON):</source>
        <translation>&amp;Richtlinie (JSON):</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Type a policy, or use Delete Policy to remove the current one.</source>
        <translation>Geben Sie eine Richtlinie ein, oder entfernen Sie die aktuelle mit „Richtlinie löschen“.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 Anweisung</translation>
    </message>
    <message>
        <source>%L1 statements</source>
        <translation>%L1 Anweisungen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>shardscope::RetentionDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Retention Period — %1</source>
        <translation>Aufbewahrungsdauer — %1</translation>
    </message>
    <message>
        <source>&amp;Retention period:</source>
        <translation>&amp;Aufbewahrungsdauer:</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>Edit the period in hours or in days</source>
        <translation>Dauer in Stunden oder in Tagen bearbeiten</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>= %L1 hours</source>
        <translation>= %L1 Stunden</translation>
    </message>
    <message>
        <source>= 1 day</source>
        <translation>= 1 Tag</translation>
    </message>
    <message>
        <source>= %L1 days</source>
        <translation>= %L1 Tage</translation>
    </message>
    <message>
        <source>= %1 days</source>
        <translation>= %1 Tage</translation>
    </message>
    <message>
        <source>%1 is too short: the minimum is %2.</source>
        <translation>%1 ist zu kurz: Das Minimum beträgt %2.</translation>
    </message>
    <message>
        <source>%1 is too long: the maximum is %2.</source>
        <translation>%1 ist zu lang: Das Maximum beträgt %2.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Records will be kept for %1. Records already trimmed do not come back.</source>
        <translation>Datensätze werden %1 aufbewahrt. Bereits entfernte Datensätze werden nicht wiederhergestellt.</translation>
    </message>
    <message>
        <source>&amp;Increase</source>
        <translation>Ver&amp;längern</translation>
    </message>
    <message>
        <source>This is the current retention period.</source>
        <translation>Dies ist die aktuelle Aufbewahrungsdauer.</translation>
    </message>
    <message>
        <source>&amp;Decrease</source>
        <translation>Ver&amp;kürzen</translation>
    </message>
    <message>
        <source>Counting the records older than %1…</source>
        <translation>Datensätze, die älter als %1 sind, werden gezählt…</translation>
    </message>
    <message>
        <source>%1 will no longer be readable.</source>
        <translation>Danach nicht mehr lesbar: %1.</translation>
    </message>
    <message>
        <source>&amp;Decrease and drop %1</source>
        <translation>Ver&amp;kürzen und %1 verwerfen</translation>
    </message>
    <message>
        <source>No record is older than %1: nothing will be dropped.</source>
        <translation>Kein Datensatz ist älter als %1: Es wird nichts verworfen.</translation>
    </message>
    <message>
        <source>This connection cannot count the records that would be dropped. Every record older than %1 will no longer be readable.</source>
        <translation>Diese Verbindung kann die Datensätze, die verworfen würden, nicht zählen. Alle Datensätze, die älter als %1 sind, werden danach nicht mehr lesbar sein.</translation>
    </message>
    <message>
        <source>The records that would be dropped could not be counted. Every record older than %1 will no longer be readable.</source>
        <translation>Die Datensätze, die verworfen würden, konnten nicht gezählt werden. Alle Datensätze, die älter als %1 sind, werden danach nicht mehr lesbar sein.</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
    <message>
        <source>I &amp;understand that records older than %1 will be dropped</source>
        <translation>Ich &amp;verstehe, dass Datensätze älter als %1 verworfen werden</translation>
    </message>
</context>
<context>
    <name>shardscope::SettingsDialog</name>
    <message>
        <source>Trickle sample events into the &amp;demo stream</source>
        <translation>Beispielereignisse nach und nach in den &amp;Demo-Stream schreiben</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The new language is used when Shardscope starts next time.</source>
        <translation>Die neue Sprache wird beim nächsten Start von Shardscope verwendet.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A&amp;ppearance:</source>
        <translation>&amp;Erscheinungsbild:</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardBarChart</name>
    <message>
        <source>Records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>%1
%2 records/s (%3 % of the limit)
%4 bytes/s (%5 % of the limit)</source>
        <translation>%1
%2 Datensätze/s (%3 % des Limits)
%4 Bytes/s (%5 % des Limits)</translation>
    </message>
    <message>
        <source>%1
%2 records/s (%3 % of the limit)</source>
        <translation>%1
%2 Datensätze/s (%3 % des Limits)</translation>
    </message>
    <message>
        <source>Under 95 %</source>
        <translation>Unter 95 %</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Limit: %L1/s</source>
        <translation>Limit: %L1/s</translation>
    </message>
    <message>
        <source>Limit: 1 MiB/s</source>
        <translation>Limit: 1 MiB/s</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardMapWidget</name>
    <message>
        <source>Shard map</source>
        <translation>Shard-Karte</translation>
    </message>
    <message>
        <source>No shards to show</source>
        <translation>Keine Shards vorhanden</translation>
    </message>
    <message>
        <source>%1–%2 %</source>
        <translation>%1–%2&#xa0;%</translation>
    </message>
    <message>
        <source>%1 % of limit</source>
        <translation>%1&#xa0;% des Limits</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Zoom ×%1 — wheel or +/− to zoom, drag to pan, 0 to reset</source>
        <translation>Zoom ×%1 — Mausrad oder +/− zoomt, Ziehen verschiebt, 0 setzt zurück</translation>
    </message>
    <message>
        <source>Position in the hash-key space (0 to 2¹²⁸) — wheel or +/− to zoom</source>
        <translation>Position im Hash-Schlüsselraum (0 bis 2¹²⁸) — Mausrad oder +/− zoomt</translation>
    </message>
    <message>
        <source>Write use vs. the shard limit (records/s or bytes/s, whichever is higher):</source>
        <translation>Schreiblast gegenüber dem Shard-Limit (Datensätze/s oder Bytes/s, der höhere Wert):</translation>
    </message>
    <message>
        <source>Write use vs. the shard limit:</source>
        <translation>Schreiblast gegenüber dem Shard-Limit:</translation>
    </message>
    <message>
        <source>0 %</source>
        <translation>0&#xa0;%</translation>
    </message>
    <message>
        <source>≥ 100 %</source>
        <translation>≥ 100&#xa0;%</translation>
    </message>
    <message>
        <source>%1 (%2, generation %3)
Hash keys %4 – %5
%6–%7 % of the key space</source>
        <translation>%1 (%2, Generation %3)
Hash-Schlüssel %4 – %5
%6–%7&#xa0;% des Schlüsselraums</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>Write use: %1 % of the shard&apos;s limit</source>
        <translation>Schreiblast: %1&#xa0;% des Shard-Limits</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 Datensätze</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardLineageWidget</name>
    <message>
        <source>Shard lineage</source>
        <translation>Shard-Herkunft</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>closed, no longer listed</source>
        <translation>geschlossen, nicht mehr aufgeführt</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Created: not known (the shard is no longer listed)</source>
        <translation>Erstellt: unbekannt (der Shard wird nicht mehr aufgeführt)</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Geschlossen: %1</translation>
    </message>
    <message>
        <source>Generation %1; times unknown (the sequence numbers do not carry them)</source>
        <translation>Generation %1; Zeiten unbekannt (die Sequenznummern enthalten keine)</translation>
    </message>
    <message>
        <source>Hash keys: %1 – %2</source>
        <translation>Hash-Schlüssel: %1 – %2</translation>
    </message>
    <message>
        <source>Sequence numbers: %1 – %2</source>
        <translation>Sequenznummern: %1 – %2</translation>
    </message>
    <message>
        <source>(open)</source>
        <translation>(offen)</translation>
    </message>
    <message>
        <source>Holds %1 records, %2</source>
        <translation>Enthält %1 Datensätze, %2</translation>
    </message>
    <message>
        <source>Parents: %1</source>
        <translation>Eltern: %1</translation>
    </message>
    <message>
        <source>Children: %1</source>
        <translation>Kinder: %1</translation>
    </message>
    <message>
        <source>Past the retention period: its records have expired.</source>
        <translation>Aufbewahrungszeit überschritten: seine Datensätze sind abgelaufen.</translation>
    </message>
    <message>
        <source>No shards to show.</source>
        <translation>Keine Shards anzuzeigen.</translation>
    </message>
    <message>
        <source> · %1 records · %2</source>
        <translation> · %1 Datensätze · %2</translation>
    </message>
    <message>
        <source> · past retention</source>
        <translation> · Aufbewahrung überschritten</translation>
    </message>
    <message>
        <source>gen %1</source>
        <translation>Gen. %1</translation>
    </message>
    <message>
        <source>Times unknown: the sequence numbers carry none; shards ordered by generation</source>
        <translation>Zeiten unbekannt: die Sequenznummern enthalten keine; Shards nach Generation geordnet</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Past retention (no records)</source>
        <translation>Aufbewahrung überschritten (keine Datensätze)</translation>
    </message>
    <message>
        <source>Zoom ×%1 — Ctrl+wheel or +/− to zoom, drag to pan, 0 to reset</source>
        <translation>Zoom ×%1 — Strg+Mausrad oder +/− zum Zoomen, Ziehen zum Verschieben, 0 zum Zurücksetzen</translation>
    </message>
    <message>
        <source>Click a shard to select it, double-click to show its records</source>
        <translation>Klicken Sie auf einen Shard, um ihn auszuwählen, Doppelklick zeigt seine Datensätze</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardMapLab</name>
    <message>
        <source>Mi&amp;dpoint</source>
        <translation>Mitte&amp;lpunkt</translation>
    </message>
    <message>
        <source>At the &amp;key&apos;s hash</source>
        <translation>&amp;Beim Hash des Schlüssels</translation>
    </message>
    <message>
        <source>Conf&amp;irm</source>
        <translation>Bestät&amp;igen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Partition key</source>
        <translation>Partitionsschlüssel</translation>
    </message>
    <message>
        <source>or an explicit hash key (decimal)</source>
        <translation>oder ein expliziter Hash-Schlüssel (dezimal)</translation>
    </message>
    <message>
        <source>Send the previewed reshard (Ctrl+Return)</source>
        <translation>Das Resharding aus der Vorschau senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Close the preview (Esc)</source>
        <translation>Die Vorschau schließen (Esc)</translation>
    </message>
    <message>
        <source>Partition-key calculator</source>
        <translation>Partitionsschlüssel-Rechner</translation>
    </message>
    <message>
        <source>Reshard</source>
        <translation>Resharding</translation>
    </message>
    <message>
        <source>Split…</source>
        <translation>Teilen…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Zusammenführen…</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Skalieren…</translation>
    </message>
    <message>
        <source>Preview a split of the selected shard: drag the split point or type a key (Ctrl+Alt+B)</source>
        <translation>Vorschau einer Teilung des ausgewählten Shards: Teilungspunkt ziehen oder einen Schlüssel eingeben (Strg+Alt+S)</translation>
    </message>
    <message>
        <source>Preview merging the selected shard with the one picked by Shift+click (Ctrl+Alt+F)</source>
        <translation>Vorschau der Zusammenführung des ausgewählten Shards mit dem per Umschalt+Klick gewählten (Strg+Alt+G)</translation>
    </message>
    <message>
        <source>Preview UpdateShardCount to the target count (Ctrl+Alt+Q)</source>
        <translation>Vorschau von UpdateShardCount auf die Zielanzahl (Strg+Alt+U)</translation>
    </message>
    <message>
        <source>Exact starting hash key of the upper half</source>
        <translation>Genauer Start-Hash-Schlüssel der oberen Hälfte</translation>
    </message>
    <message>
        <source>Sp&amp;lit at:</source>
        <translation>Teilungs&amp;punkt:</translation>
    </message>
    <message>
        <source>&amp;Target shards:</source>
        <translation>Zi&amp;el-Shardanzahl:</translation>
    </message>
    <message>
        <source>Click an open shard on the band (or in the table) to split or merge it.</source>
        <translation>Klicken Sie auf einen offenen Shard im Band (oder in der Tabelle), um ihn zu teilen oder zusammenzuführen.</translation>
    </message>
    <message>
        <source>Select a stream to reshard it.</source>
        <translation>Wählen Sie einen Stream aus, um ihn umzuverteilen.</translation>
    </message>
    <message>
        <source>This connection is read-only: splitting, merging and scaling are off.</source>
        <translation>Diese Verbindung ist schreibgeschützt: Teilen, Zusammenführen und Skalieren sind aus.</translation>
    </message>
    <message>
        <source>Not a hash key: type a decimal number from 0 to 2¹²⁸ − 1 without leading zeros.</source>
        <translation>Kein Hash-Schlüssel: Geben Sie eine Dezimalzahl von 0 bis 2¹²⁸ − 1 ohne führende Nullen ein.</translation>
    </message>
    <message>
        <source>Explicit hash key (overrides the partition key)</source>
        <translation>Expliziter Hash-Schlüssel (ersetzt den Partitionsschlüssel)</translation>
    </message>
    <message>
        <source>Kinesis accepts partition keys of at most 256 characters.</source>
        <translation>Kinesis akzeptiert Partitionsschlüssel mit höchstens 256 Zeichen.</translation>
    </message>
    <message>
        <source>MD5: %1</source>
        <translation>MD5: %1</translation>
    </message>
    <message>
        <source>Hash key: %1</source>
        <translation>Hash-Schlüssel: %1</translation>
    </message>
    <message>
        <source>Position: %1 % of the key space</source>
        <translation>Position: %1&#xa0;% des Schlüsselraums</translation>
    </message>
    <message>
        <source>Shard: %1</source>
        <translation>Shard: %1</translation>
    </message>
    <message>
        <source>Shard: none open holds this key right now</source>
        <translation>Shard: Kein offener Shard enthält diesen Schlüssel gerade</translation>
    </message>
    <message>
        <source>Type a partition key to see its MD5, its hash key and the shard it lands on.</source>
        <translation>Geben Sie einen Partitionsschlüssel ein, um seinen MD5, seinen Hash-Schlüssel und seinen Shard zu sehen.</translation>
    </message>
    <message>
        <source>Type the starting hash key of the upper half as a decimal number, or drag the split point on the band.</source>
        <translation>Geben Sie den Start-Hash-Schlüssel der oberen Hälfte als Dezimalzahl ein oder ziehen Sie den Teilungspunkt im Band.</translation>
    </message>
    <message>
        <source>Split %1 at %2 into:</source>
        <translation>%1 bei %2 teilen in:</translation>
    </message>
    <message>
        <source>• lower: %1 – %2 (%3 % of the shard)</source>
        <translation>• unten: %1 – %2 (%3&#xa0;% des Shards)</translation>
    </message>
    <message>
        <source>• upper: %1 – %2 (%3 % of the shard)</source>
        <translation>• oben: %1 – %2 (%3&#xa0;% des Shards)</translation>
    </message>
    <message>
        <source>Reading the last minute&apos;s records of %1 to see how they would divide…</source>
        <translation>Die Datensätze der letzten Minute von %1 werden gelesen, um ihre Aufteilung zu zeigen…</translation>
    </message>
    <message>
        <source>How the last minute&apos;s records would divide is unknown: %1</source>
        <translation>Wie sich die Datensätze der letzten Minute aufteilen würden, ist unbekannt: %1</translation>
    </message>
    <message>
        <source>No records in the last minute: no traffic to divide.</source>
        <translation>Keine Datensätze in der letzten Minute: kein Verkehr aufzuteilen.</translation>
    </message>
    <message>
        <source>Of the last minute&apos;s records (from 1 sampled record): lower %1 %, upper %2 %</source>
        <translation>Von den Datensätzen der letzten Minute (aus 1 Stichprobendatensatz): unten %1&#xa0;%, oben %2&#xa0;%</translation>
    </message>
    <message>
        <source>Of the last minute&apos;s records (from %1 sampled records): lower %2 %, upper %3 %</source>
        <translation>Von den Datensätzen der letzten Minute (aus %1 Stichprobendatensätzen): unten %2&#xa0;%, oben %3&#xa0;%</translation>
    </message>
    <message>
        <source>The sample stops at the first %1 records of the minute.</source>
        <translation>Die Stichprobe endet nach den ersten %1 Datensätzen der Minute.</translation>
    </message>
    <message>
        <source>no stream</source>
        <translation>kein Stream</translation>
    </message>
    <message>
        <source>Click a shard, then Shift+click the adjacent shard to merge it with.</source>
        <translation>Klicken Sie auf einen Shard, dann mit Umschalt+Klick auf den benachbarten Shard, mit dem er zusammengeführt werden soll.</translation>
    </message>
    <message>
        <source>Merge %1 and %2 into one shard:</source>
        <translation>%1 und %2 zu einem Shard zusammenführen:</translation>
    </message>
    <message>
        <source>• range %1 – %2 (%3 % of the key space)</source>
        <translation>• Bereich %1 – %2 (%3&#xa0;% des Schlüsselraums)</translation>
    </message>
    <message>
        <source>• write use: up to %1 % of one shard&apos;s limit (%2 % + %3 %)</source>
        <translation>• Schreiblast: bis zu %1&#xa0;% des Limits eines Shards (%2&#xa0;% + %3&#xa0;%)</translation>
    </message>
    <message>
        <source>• write use: unknown (the backend does not measure it)</source>
        <translation>• Schreiblast: unbekannt (das Backend misst sie nicht)</translation>
    </message>
    <message>
        <source>• %1 records held by the two parents</source>
        <translation>• %1 Datensätze in den beiden Eltern</translation>
    </message>
    <message>
        <source>UpdateShardCount from %1 to %2 open shards (uniform scaling).</source>
        <translation>UpdateShardCount von %1 auf %2 offene Shards (gleichmäßige Skalierung).</translation>
    </message>
    <message>
        <source>Kinesis would refuse this: %1</source>
        <translation>Kinesis würde das ablehnen: %1</translation>
    </message>
    <message>
        <source>• %1 shards of %2 % of the key space each (dashed lines), e.g. %3 – %4</source>
        <translation>• %1 Shards mit je %2&#xa0;% des Schlüsselraums (gestrichelte Linien), z.&#xa0;B. %3 – %4</translation>
    </message>
    <message>
        <source>• Limits: one call goes to at most double or half the open shards (%1–%2 now); at most 10 calls per stream in a rolling 24 hours.</source>
        <translation>• Limits: Ein Aufruf führt höchstens zum Doppelten oder zur Hälfte der offenen Shards (jetzt %1–%2); höchstens 10 Aufrufe pro Stream in gleitenden 24 Stunden.</translation>
    </message>
    <message>
        <source>%1 failed: %2: %3</source>
        <translation>%1 fehlgeschlagen: %2: %3</translation>
    </message>
    <message>
        <source>%1 started; the band moves to the new layout when the stream is active again.</source>
        <translation>%1 gestartet; das Band wechselt zur neuen Aufteilung, sobald der Stream wieder aktiv ist.</translation>
    </message>
    <message>
        <source>Splitting %1</source>
        <translation>%1 wird geteilt</translation>
    </message>
    <message>
        <source>Merging %1 with %2</source>
        <translation>%1 wird mit %2 zusammengeführt</translation>
    </message>
    <message>
        <source>Scaling to %1 shards</source>
        <translation>Skalierung auf %1 Shards</translation>
    </message>
    <message>
        <source>Split: select a shard, press Split… and drag the point. Merge: click a shard, Shift+click its neighbour. Scale: choose a target count. Nothing is sent before you confirm.</source>
        <translation>Teilen: Shard auswählen, Teilen… drücken und den Punkt ziehen. Zusammenführen: Shard anklicken, Nachbarn mit Umschalt+Klick wählen. Skalieren: Zielanzahl wählen. Nichts wird gesendet, bevor Sie bestätigen.</translation>
    </message>
</context>
<context>
    <name>shardscope::ReshardPlan</name>
    <message>
        <source>%1 is closed: only open shards can be split.</source>
        <translation>%1 ist geschlossen: Nur offene Shards können geteilt werden.</translation>
    </message>
    <message>
        <source>The split key must lie inside %1&apos;s range, above its first key plus one and below its last key, so that both new shards get keys.</source>
        <translation>Der Teilungsschlüssel muss im Bereich von %1 liegen, über seinem ersten Schlüssel plus eins und unter seinem letzten, damit beide neuen Shards Schlüssel erhalten.</translation>
    </message>
    <message>
        <source>Select two different shards: click one, then Shift+click its neighbour.</source>
        <translation>Wählen Sie zwei verschiedene Shards: einen anklicken, dann seinen Nachbarn mit Umschalt+Klick.</translation>
    </message>
    <message>
        <source>%1 is closed: only open shards can be merged.</source>
        <translation>%1 ist geschlossen: Nur offene Shards können zusammengeführt werden.</translation>
    </message>
    <message>
        <source>%1 and %2 are not adjacent: %1 ends at %3 % of the key space and %2 starts at %4 %. Kinesis merges only two shards whose hash-key ranges touch; pick a direct neighbour.</source>
        <translation>%1 und %2 sind nicht benachbart: %1 endet bei %3&#xa0;% des Schlüsselraums und %2 beginnt bei %4&#xa0;%. Kinesis führt nur zwei Shards zusammen, deren Hash-Schlüsselbereiche aneinandergrenzen; wählen Sie einen direkten Nachbarn.</translation>
    </message>
    <message>
        <source>The target must be between 1 and %1 shards.</source>
        <translation>Das Ziel muss zwischen 1 und %1 Shards liegen.</translation>
    </message>
    <message>
        <source>The stream has no open shards to scale.</source>
        <translation>Der Stream hat keine offenen Shards zum Skalieren.</translation>
    </message>
    <message>
        <source>The stream already has %1 open shards.</source>
        <translation>Der Stream hat bereits %1 offene Shards.</translation>
    </message>
    <message>
        <source>One call can at most double the open shards: at most %1 from %2.</source>
        <translation>Ein Aufruf kann die offenen Shards höchstens verdoppeln: höchstens %1 ausgehend von %2.</translation>
    </message>
    <message>
        <source>One call can at most halve the open shards: at least %1 from %2.</source>
        <translation>Ein Aufruf kann die offenen Shards höchstens halbieren: mindestens %1 ausgehend von %2.</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardsTableModel</name>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hash key start</source>
        <translation>Erster Hash-Schlüssel</translation>
    </message>
    <message>
        <source>Hash key end</source>
        <translation>Letzter Hash-Schlüssel</translation>
    </message>
    <message>
        <source>Starting sequence number</source>
        <translation>Erste Sequenznummer</translation>
    </message>
    <message>
        <source>Ending sequence number</source>
        <translation>Letzte Sequenznummer</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Übergeordneter Shard</translation>
    </message>
    <message>
        <source>Adjacent parent</source>
        <translation>Benachbarter übergeordneter Shard</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>The use could not be read: %1</source>
        <translation>Die Auslastung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Write use</source>
        <translation>Schreibauslastung</translation>
    </message>
    <message>
        <source>Read use</source>
        <translation>Leseauslastung</translation>
    </message>
</context>
<context>
    <name>shardscope::SsoPortalClient</name>
    <message>
        <source>The IAM Identity Center (SSO) session for profile &quot;%1&quot; has expired or was never started. Run `aws sso login --profile %1` and try again.</source>
        <translation>Die Sitzung von IAM Identity Center (SSO) für Profil &quot;%1&quot; ist abgelaufen oder wurde nie gestartet. Führen Sie `aws sso login --profile %1` aus und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>IAM Identity Center role %1 in account %2 (profile %3)</source>
        <translation>Rolle %1 von IAM Identity Center in Konto %2 (Profil %3)</translation>
    </message>
    <message>
        <source>IAM Identity Center answered without role credentials for profile &quot;%1&quot;.</source>
        <translation>IAM Identity Center hat für Profil &quot;%1&quot; ohne Rollen-Anmeldedaten geantwortet.</translation>
    </message>
    <message>
        <source>IAM Identity Center refused role %1 in account %2 for profile &quot;%3&quot;: %4: %5</source>
        <translation>IAM Identity Center hat Rolle %1 in Konto %2 für Profil &quot;%3&quot; abgelehnt: %4: %5</translation>
    </message>
    <message>
        <source>Getting credentials from IAM Identity Center for profile &quot;%1&quot; failed (HTTP %2): %3: %4</source>
        <translation>Abrufen der Anmeldedaten von IAM Identity Center für Profil &quot;%1&quot; fehlgeschlagen (HTTP %2): %3: %4</translation>
    </message>
    <message>
        <source>Getting credentials from IAM Identity Center for profile &quot;%1&quot; failed: the portal could not be reached: %2</source>
        <translation>Abrufen der Anmeldedaten von IAM Identity Center für Profil &quot;%1&quot; fehlgeschlagen: Das Portal war nicht erreichbar: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamMetricsView</name>
    <message>
        <source>&amp;By shard</source>
        <translation>&amp;Je Shard</translation>
    </message>
    <message>
        <source>&amp;Enable Enhanced Monitoring</source>
        <translation>Erweitertes Monitoring &amp;einschalten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>One line per open shard, from the shard-level metrics</source>
        <translation>Eine Linie je offenem Shard, aus den Metriken auf Shard-Ebene</translation>
    </message>
    <message>
        <source>Time ra&amp;nge:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Oldest record read</source>
        <translation>Ältester gelesener Datensatz</translation>
    </message>
    <message>
        <source>Writes refused</source>
        <translation>Abgelehnte Schreibvorgänge</translation>
    </message>
    <message>
        <source>Reads refused</source>
        <translation>Abgelehnte Lesevorgänge</translation>
    </message>
    <message>
        <source>PutRecords entries throttled</source>
        <translation>Gedrosselte PutRecords-Einträge</translation>
    </message>
    <message>
        <source>Shard %1</source>
        <translation>Shard %1</translation>
    </message>
    <message>
        <source>Shard %1 writes</source>
        <translation>Shard %1 Schreiben</translation>
    </message>
    <message>
        <source>Shard %1 reads</source>
        <translation>Shard %1 Lesen</translation>
    </message>
    <message>
        <source>Records in</source>
        <translation>Eingehende Datensätze</translation>
    </message>
    <message>
        <source>records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Eingehende Bytes</translation>
    </message>
    <message>
        <source>bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Records read</source>
        <translation>Gelesene Datensätze</translation>
    </message>
    <message>
        <source>Bytes read</source>
        <translation>Gelesene Bytes</translation>
    </message>
    <message>
        <source>Consumer lag (age of the oldest record read)</source>
        <translation>Verzögerung der Consumer (Alter des ältesten gelesenen Datensatzes)</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>per second</source>
        <translation>pro Sekunde</translation>
    </message>
    <message>
        <source>Call latency (average)</source>
        <translation>Aufruflatenz (Mittelwert)</translation>
    </message>
    <message>
        <source>CloudWatch charges for shard-level metrics.</source>
        <translation>CloudWatch berechnet Metriken auf Shard-Ebene.</translation>
    </message>
    <message>
        <source>This connection is read-only: make it writable to enable it.</source>
        <translation>Diese Verbindung ist schreibgeschützt: Machen Sie sie beschreibbar, um es einzuschalten.</translation>
    </message>
    <message>
        <source>The connection is read-only</source>
        <translation>Die Verbindung ist schreibgeschützt</translation>
    </message>
    <message>
        <source>EnableEnhancedMonitoring for %1</source>
        <translation>EnableEnhancedMonitoring für %1</translation>
    </message>
    <message>
        <source>Enhanced monitoring could not be enabled: %1</source>
        <translation>Erweitertes Monitoring konnte nicht eingeschaltet werden: %1</translation>
    </message>
    <message>
        <source>No stream selected.</source>
        <translation>Kein Stream ausgewählt.</translation>
    </message>
    <message>
        <source>%1 offers no metrics.</source>
        <translation>%1 bietet keine Metriken an.</translation>
    </message>
    <message>
        <source>Updated %1 · one point per %2 · every %3 s</source>
        <translation>Aktualisiert %1 · ein Punkt pro %2 · alle %3 s</translation>
    </message>
    <message>
        <source>second</source>
        <translation>Sekunde</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>The metrics could not be read: %1</source>
        <translation>Die Metriken konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Limit per shard</source>
        <translation>Grenze je Shard</translation>
    </message>
    <message>
        <source>Lines per shard need enhanced monitoring, which is off for this stream: they stay empty until it is enabled, and start from then.</source>
        <translation>Linien je Shard brauchen erweitertes Monitoring, das für diesen Stream ausgeschaltet ist: Sie bleiben leer, bis es eingeschaltet ist, und beginnen erst dann.</translation>
    </message>
    <message>
        <source>Lines per shard need enhanced monitoring, which is off for %1 on this stream: those stay empty until it is enabled, and start from then.</source>
        <translation>Linien je Shard brauchen erweitertes Monitoring, das für %1 auf diesem Stream ausgeschaltet ist: Diese bleiben leer, bis es eingeschaltet ist, und beginnen erst dann.</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamModeDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Provisioned</source>
        <translation>&amp;Bereitgestellt</translation>
    </message>
    <message>
        <source>On-&amp;demand</source>
        <translation>On-&amp;Demand</translation>
    </message>
    <message>
        <source>Capacity Mode — %1</source>
        <translation>Kapazitätsmodus — %1</translation>
    </message>
    <message>
        <source>Current mode:</source>
        <translation>Aktueller Modus:</translation>
    </message>
    <message>
        <source>New mode:</source>
        <translation>Neuer Modus:</translation>
    </message>
    <message>
        <source>&amp;Switch Mode</source>
        <translation>Modus &amp;wechseln</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>On-demand (%1 open now)</source>
        <translation>On-Demand (derzeit %1 offen)</translation>
    </message>
    <message>
        <source>Provisioned, %1</source>
        <translation>Bereitgestellt, %1</translation>
    </message>
    <message>
        <source>The stream is already in this mode.</source>
        <translation>Der Stream befindet sich bereits in diesem Modus.</translation>
    </message>
    <message>
        <source>Capacity will follow the traffic; you no longer choose the number of shards.</source>
        <translation>Die Kapazität folgt dann dem Datenverkehr; Sie legen die Anzahl der Shards nicht mehr selbst fest.</translation>
    </message>
    <message>
        <source>The stream keeps its %1; from then on you choose the number of shards.</source>
        <translation>Der Stream behält %1; danach legen Sie die Anzahl der Shards selbst fest.</translation>
    </message>
    <message>
        <source>Kinesis allows two switches per stream in 24 hours.</source>
        <translation>Kinesis erlaubt zwei Wechsel pro Stream innerhalb von 24 Stunden.</translation>
    </message>
    <message>
        <source>Switching…</source>
        <translation>Wird gewechselt…</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamPage</name>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <source>Cannot list the shards: %1</source>
        <translation>Die Shards können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Hash-key space — click a shard to select it, Shift+click a neighbour to merge</source>
        <translation>Hash-Schlüsselraum — klicken Sie auf einen Shard, um ihn auszuwählen, mit Umschalt+Klick auf einen Nachbarn zum Zusammenführen</translation>
    </message>
    <message>
        <source>%1 · %2 open shards · %3 h retention</source>
        <translation>%1 · %2 offene Shards · %3 h Aufbewahrung</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>On-Demand</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source> · encrypted</source>
        <translation> · verschlüsselt</translation>
    </message>
    <message>
        <source>Sh&amp;ards</source>
        <translation>Sha&amp;rds</translation>
    </message>
    <message>
        <source>Re&amp;cords</source>
        <translation>Da&amp;tensätze</translation>
    </message>
    <message>
        <source>&amp;Metrics</source>
        <translation>&amp;Metriken</translation>
    </message>
    <message>
        <source>Cons&amp;umers</source>
        <translation>&amp;Consumer</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
</context>
<context>
    <name>shardscope::StreamSummaryModel</name>
    <message>
        <source>Stream %1 not found; it may have been deleted.</source>
        <translation>Stream %1 nicht gefunden; möglicherweise wurde er gelöscht.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ARN</source>
        <translation>ARN</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Open shards</source>
        <translation>Offene Shards</translation>
    </message>
    <message>
        <source>Retention (hours)</source>
        <translation>Aufbewahrung (Stunden)</translation>
    </message>
    <message>
        <source>Max record size (KiB)</source>
        <translation>Max. Datensatzgröße (KiB)</translation>
    </message>
    <message>
        <source>Encryption type</source>
        <translation>Verschlüsselungstyp</translation>
    </message>
    <message>
        <source>KMS key</source>
        <translation>KMS-Schlüssel</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Wird aktualisiert</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>On-Demand</translation>
    </message>
    <message>
        <source>Provisioned</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 (%2 MiB)</source>
        <translation>%1 (%2 MiB)</translation>
    </message>
    <message>
        <source>KMS</source>
        <translation>KMS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source> +%L1 more</source>
        <translation> und %L1 weitere</translation>
    </message>
    <message>
        <source>Cannot read the policy: %1</source>
        <translation>Richtlinie nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Not a JSON object</source>
        <translation>Kein JSON-Objekt</translation>
    </message>
    <message>
        <source>1 statement</source>
        <translation>1 Anweisung</translation>
    </message>
    <message>
        <source>%L1 statements</source>
        <translation>%L1 Anweisungen</translation>
    </message>
    <message>
        <source>all but %1</source>
        <translation>alle außer %1</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1 — principals: %2 — actions: %3</source>
        <translation>%1 — Prinzipale: %2 — Aktionen: %3</translation>
    </message>
    <message>
        <source> (with Deny)</source>
        <translation> (mit Deny)</translation>
    </message>
    <message>
        <source>Enhanced monitoring</source>
        <translation>Erweiterte Überwachung</translation>
    </message>
    <message>
        <source>Warm throughput</source>
        <translation>Warm-Durchsatz</translation>
    </message>
    <message>
        <source>Resource policy</source>
        <translation>Ressourcenrichtlinie</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>— (on-demand streams only)</source>
        <translation>— (nur bei On-Demand-Streams)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht festgelegt</translation>
    </message>
    <message>
        <source>%L1 MiB/s</source>
        <translation>%L1 MiB/s</translation>
    </message>
    <message>
        <source>None requested (now %1)</source>
        <translation>Keiner angefordert (jetzt %1)</translation>
    </message>
    <message>
        <source>Target %1, now %2</source>
        <translation>Ziel %1, jetzt %2</translation>
    </message>
    <message>
        <source>Throughput limits</source>
        <translation>Durchsatzgrenzen</translation>
    </message>
    <message>
        <source>Hottest shard</source>
        <translation>Am stärksten ausgelasteter Shard</translation>
    </message>
    <message>
        <source>Cannot measure the use: %1</source>
        <translation>Auslastung nicht messbar: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::StsClient</name>
    <message>
        <source>Assuming role %1 for profile &quot;%2&quot; failed: %3: %4</source>
        <translation>Übernahme der Rolle %1 für Profil &quot;%2&quot; fehlgeschlagen: %3: %4</translation>
    </message>
    <message>
        <source>role %1 (profile %2)</source>
        <translation>Rolle %1 (Profil %2)</translation>
    </message>
    <message>
        <source>Assuming role %1 for profile &quot;%2&quot; failed: STS answered HTTP %3 without credentials or an error in the expected form.</source>
        <translation>Übernahme der Rolle %1 für Profil &quot;%2&quot; fehlgeschlagen: STS antwortete mit HTTP %3, aber weder mit Anmeldedaten noch mit einem Fehler in der erwarteten Form.</translation>
    </message>
    <message>
        <source>Assuming role %1 for profile &quot;%2&quot; failed: STS could not be reached: %3</source>
        <translation>Übernahme der Rolle %1 für Profil &quot;%2&quot; fehlgeschlagen: STS war nicht erreichbar: %3</translation>
    </message>
</context>
<context>
    <name>shardscope::TagStateDelegate</name>
    <message>
        <source>New: added when you apply</source>
        <translation>Neu: wird beim Übernehmen hinzugefügt</translation>
    </message>
    <message>
        <source>Changed: saved when you apply</source>
        <translation>Geändert: wird beim Übernehmen gespeichert</translation>
    </message>
</context>
<context>
    <name>shardscope::TagsDialog</name>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>U+%1</source>
        <translation>U+%1</translation>
    </message>
    <message>
        <source>%1 is not allowed.</source>
        <translation>%1 ist nicht erlaubt.</translation>
    </message>
    <message>
        <source>%1 are not allowed.</source>
        <translation>%1 sind nicht erlaubt.</translation>
    </message>
    <message>
        <source>Use letters, digits, spaces and _ . : / = + - @.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern, Leerzeichen und _ . : / = + - @.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Tags — %1</source>
        <translation>Tags — %1</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Remove the selected tags (Del)</source>
        <translation>Ausgewählte Tags entfernen (Entf)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value (may be empty)</source>
        <translation>Wert (darf leer sein)</translation>
    </message>
    <message>
        <source>New &amp;key:</source>
        <translation>Neuer &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>&amp;Discard Changes</source>
        <translation>Änderungen &amp;verwerfen</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>Enter a key.</source>
        <translation>Geben Sie einen Schlüssel ein.</translation>
    </message>
    <message>
        <source>The key is %L1 characters long; at most %L2 are allowed.</source>
        <translation>Der Schlüssel ist %L1 Zeichen lang; höchstens %L2 sind erlaubt.</translation>
    </message>
    <message>
        <source>Keys starting with “aws:” are reserved for AWS.</source>
        <translation>Schlüssel, die mit „aws:“ beginnen, sind für AWS reserviert.</translation>
    </message>
    <message>
        <source>The value is %L1 characters long; at most %L2 are allowed.</source>
        <translation>Der Wert ist %L1 Zeichen lang; höchstens %L2 sind erlaubt.</translation>
    </message>
    <message>
        <source>A tag with the key “%1” exists already; edit its value in the table.</source>
        <translation>Ein Tag mit dem Schlüssel „%1“ existiert bereits; bearbeiten Sie seinen Wert in der Tabelle.</translation>
    </message>
    <message>
        <source>A stream can have at most %L1 tags.</source>
        <translation>Ein Stream kann höchstens %L1 Tags haben.</translation>
    </message>
    <message>
        <source>Tag “%1”: %2</source>
        <translation>Tag „%1“: %2</translation>
    </message>
    <message>
        <source>Tag “%1” is managed by AWS and cannot be removed.</source>
        <translation>Das Tag „%1“ wird von AWS verwaltet und kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>A stream can have at most %L1 tags; remove %L2.</source>
        <translation>Ein Stream kann höchstens %L1 Tags haben; entfernen Sie %L2.</translation>
    </message>
    <message>
        <source>1 of %L1 tags</source>
        <translation>1 von %L1 Tags</translation>
    </message>
    <message>
        <source>%L1 of %L2 tags</source>
        <translation>%L1 von %L2 Tags</translation>
    </message>
    <message>
        <source>%L1 to add</source>
        <translation>%L1 hinzuzufügen</translation>
    </message>
    <message>
        <source>%L1 to change</source>
        <translation>%L1 zu ändern</translation>
    </message>
    <message>
        <source>%L1 to remove</source>
        <translation>%L1 zu entfernen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>shardscope::TagsModel</name>
    <message>
        <source>No stream is selected.</source>
        <translation>Kein Stream ausgewählt.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>shardscope::TailReader</name>
    <message>
        <source>There is no connection to read from.</source>
        <translation>Es gibt keine Verbindung, von der gelesen werden kann.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>Shard %1 does not exist in stream %2.</source>
        <translation>Shard %1 existiert im Stream %2 nicht.</translation>
    </message>
    <message>
        <source>Reading %1 failed, retrying: %2</source>
        <translation>Lesen von %1 fehlgeschlagen, neuer Versuch: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::WarmThroughputDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Warm Throughput — %1</source>
        <translation>Warm-Durchsatz — %1</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <source>&amp;Warm throughput:</source>
        <translation>&amp;Warm-Durchsatz:</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Aktuell:</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>None: the stream is provisioned.</source>
        <translation>Keiner: Der Stream ist bereitgestellt (Provisioned).</translation>
    </message>
    <message>
        <source>%L1 MiB/s</source>
        <translation>%L1 MiB/s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Target %L1 MiB/s, now %2</source>
        <translation>Ziel %L1 MiB/s, jetzt %2</translation>
    </message>
    <message>
        <source>None requested; the stream handles %1 now</source>
        <translation>Keiner angefordert; der Stream verkraftet jetzt %1</translation>
    </message>
    <message>
        <source>%L1 MiB/s is more than Kinesis allows: choose from 0 to %L2 MiB/s (10 GiB/s).</source>
        <translation>%L1 MiB/s sind mehr, als Kinesis erlaubt: Wählen Sie 0 bis %L2 MiB/s (10 GiB/s).</translation>
    </message>
    <message>
        <source>Warm throughput applies to on-demand streams only. Switch the stream to on-demand capacity first (Capacity Mode).</source>
        <translation>Warm-Durchsatz gibt es nur für On-Demand-Streams. Stellen Sie den Stream zuerst auf On-Demand-Kapazität um (Kapazitätsmodus).</translation>
    </message>
    <message>
        <source>Kinesis scales the stream ahead of traffic so that it takes this much writing at once; 0 asks for none. It needs the account&apos;s minimum throughput billing commitment (Account Settings).</source>
        <translation>Kinesis skaliert den Stream schon vor dem Verkehr, sodass er so viele Schreibvorgänge sofort aufnimmt; 0 fordert keinen an. Dafür braucht das Konto die Mindestdurchsatz-Abrechnungszusage (Kontoeinstellungen).</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird übernommen…</translation>
    </message>
</context>
<context>
    <name>shardscope::UsageText</name>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>%1 rec/s</source>
        <translation>%1 Datensätze/s</translation>
    </message>
    <message>
        <source>%1 calls/s</source>
        <translation>%1 Aufrufe/s</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Needs enhanced monitoring</source>
        <translation>Erweitertes Monitoring nötig</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>not measured (limit %1)</source>
        <translation>nicht gemessen (Grenze %1)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Writes: %1, %2</source>
        <translation>Schreiben: %1, %2</translation>
    </message>
    <message>
        <source>Reads: %1, %2</source>
        <translation>Lesen: %1, %2</translation>
    </message>
    <message>
        <source>Throttled writes: %1</source>
        <translation>Gedrosselte Schreibvorgänge: %1</translation>
    </message>
    <message>
        <source>Throttled reads: %1</source>
        <translation>Gedrosselte Lesevorgänge: %1</translation>
    </message>
    <message>
        <source>Averaged over the last complete minute (CloudWatch)</source>
        <translation>Gemittelt über die letzte vollständige Minute (CloudWatch)</translation>
    </message>
    <message>
        <source>Over the last second</source>
        <translation>In der letzten Sekunde</translation>
    </message>
    <message>
        <source>Limits enforced</source>
        <translation>Grenzen werden durchgesetzt</translation>
    </message>
    <message>
        <source>Limits not enforced</source>
        <translation>Grenzen werden nicht durchgesetzt</translation>
    </message>
    <message>
        <source>Some figures need enhanced (shard-level) monitoring on the stream</source>
        <translation>Einige Werte erfordern erweitertes Monitoring (auf Shard-Ebene) für den Stream</translation>
    </message>
    <message>
        <source>writes %1 records/s and %2, reads %3 calls/s and %4</source>
        <translation>Schreiben %1 Datensätze/s und %2, Lesen %3 Aufrufe/s und %4</translation>
    </message>
    <message>
        <source>Enforced per shard: %1</source>
        <translation>Pro Shard durchgesetzt: %1</translation>
    </message>
    <message>
        <source>Not enforced (per shard: %1)</source>
        <translation>Nicht durchgesetzt (pro Shard: %1)</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Im Leerlauf</translation>
    </message>
    <message>
        <source>%1: %2 of its write limit</source>
        <translation>%1: %2 seiner Schreibgrenze</translation>
    </message>
    <message>
        <source>%1: %2 of its read limit</source>
        <translation>%1: %2 seiner Lesegrenze</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerDashboard</name>
    <message>
        <source>Run a Consumer Group…</source>
        <translation>Consumer-Gruppe ausführen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+G</source>
        <translation>Ctrl+Alt+G</translation>
    </message>
    <message>
        <source>Open a Lease Table…</source>
        <translation>Lease-Tabelle öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+I</source>
        <translation>Ctrl+Alt+I</translation>
    </message>
    <message>
        <source>Stop Group</source>
        <translation>Gruppe stoppen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+T</source>
        <translation>Ctrl+Alt+T</translation>
    </message>
    <message>
        <source>Add Worker</source>
        <translation>Worker hinzufügen</translation>
    </message>
    <message>
        <source>Ctrl+Alt+J</source>
        <translation>Ctrl+Alt+J</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Alt+K</source>
        <translation>Ctrl+Alt+K</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Ctrl+Alt+U</source>
        <translation>Ctrl+Alt+U</translation>
    </message>
    <message>
        <source>Slow Processing…</source>
        <translation>Langsame Verarbeitung…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+S</source>
        <translation>Ctrl+Alt+S</translation>
    </message>
    <message>
        <source>Poison Record…</source>
        <translation>Giftiger Datensatz…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Y</source>
        <translation>Ctrl+Alt+Y</translation>
    </message>
    <message>
        <source>Diagnoses</source>
        <translation>Diagnosen</translation>
    </message>
    <message>
        <source>Leases</source>
        <translation>Leases</translation>
    </message>
    <message>
        <source>Selected worker:</source>
        <translation>Gewählter Worker:</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Lease ownership (one lane per shard, a colour per worker)</source>
        <translation>Lease-Besitz (eine Bahn pro Shard, eine Farbe pro Worker)</translation>
    </message>
    <message>
        <source>Time behind per shard</source>
        <translation>Rückstand pro Shard</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>Checkpoints per second</source>
        <translation>Checkpoints pro Sekunde</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>checkpoints</source>
        <translation>Checkpoints</translation>
    </message>
    <message>
        <source>Throttles per second (own group)</source>
        <translation>Drosselungen pro Sekunde (eigene Gruppe)</translation>
    </message>
    <message>
        <source>throttled reads</source>
        <translation>gedrosselte Lesevorgänge</translation>
    </message>
    <message>
        <source>No consumer group is shown. Run one on this stream to try failures out, or open a KCL application&apos;s lease table to see what it does.</source>
        <translation>Keine Consumer-Gruppe angezeigt. Führen Sie eine auf diesem Stream aus, um Fehler auszuprobieren, oder öffnen Sie die Lease-Tabelle einer KCL-Anwendung, um zu sehen, was sie tut.</translation>
    </message>
    <message>
        <source>Consumer group %1</source>
        <translation>Consumer-Gruppe %1</translation>
    </message>
    <message>
        <source>Lease table %1 (read-only)</source>
        <translation>Lease-Tabelle %1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Close Lease Table</source>
        <translation>Lease-Tabelle schließen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>%1 since %2. Click to select it in the tables.</source>
        <translation>%1 seit %2. Klicken, um es in den Tabellen auszuwählen.</translation>
    </message>
    <message>
        <source>Diagnoses appear here once a lease table is read.</source>
        <translation>Diagnosen erscheinen hier, sobald eine Lease-Tabelle gelesen wurde.</translation>
    </message>
    <message>
        <source>Nothing wrong found: every lease is renewed, checkpoints move and no shard is left out.</source>
        <translation>Nichts Auffälliges: Jedes Lease wird erneuert, Checkpoints bewegen sich und kein Shard bleibt liegen.</translation>
    </message>
    <message>
        <source>A consumer group runs: stop it first.</source>
        <translation>Eine Consumer-Gruppe läuft: Stoppen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>A lease table is open: close it first.</source>
        <translation>Eine Lease-Tabelle ist geöffnet: Schließen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Select a stream first.</source>
        <translation>Wählen Sie zuerst einen Stream.</translation>
    </message>
    <message>
        <source>Run a KCL-style consumer group on this stream and watch its leases</source>
        <translation>Eine Consumer-Gruppe nach Art der KCL auf diesem Stream ausführen und ihre Leases beobachten</translation>
    </message>
    <message>
        <source>Watch a KCL application&apos;s lease table, read-only</source>
        <translation>Die Lease-Tabelle einer KCL-Anwendung beobachten, nur lesend</translation>
    </message>
    <message>
        <source>No consumer group runs and no lease table is open.</source>
        <translation>Keine Consumer-Gruppe läuft und keine Lease-Tabelle ist geöffnet.</translation>
    </message>
    <message>
        <source>Stop watching the lease table</source>
        <translation>Die Lease-Tabelle nicht mehr beobachten</translation>
    </message>
    <message>
        <source>Stop every worker of the group</source>
        <translation>Alle Worker der Gruppe stoppen</translation>
    </message>
    <message>
        <source>A watched application&apos;s workers are not Shardscope&apos;s: faults apply to a group run here.</source>
        <translation>Die Worker einer beobachteten Anwendung gehören nicht zu Shardscope: Fehler lassen sich nur in einer hier ausgeführten Gruppe auslösen.</translation>
    </message>
    <message>
        <source>No consumer group runs.</source>
        <translation>Keine Consumer-Gruppe läuft.</translation>
    </message>
    <message>
        <source>Start one more worker in the group</source>
        <translation>Einen weiteren Worker in der Gruppe starten</translation>
    </message>
    <message>
        <source>Select one of the group&apos;s workers in the table.</source>
        <translation>Wählen Sie einen Worker der Gruppe in der Tabelle.</translation>
    </message>
    <message>
        <source>%1 was killed.</source>
        <translation>%1 wurde beendet.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Stop the worker at once, without giving its leases up</source>
        <translation>Den Worker sofort beenden, ohne dass er seine Leases abgibt</translation>
    </message>
    <message>
        <source>Let the worker renew and read again</source>
        <translation>Den Worker wieder erneuern und lesen lassen</translation>
    </message>
    <message>
        <source>Stop the worker renewing and reading, as a long pause would</source>
        <translation>Den Worker weder erneuern noch lesen lassen, wie bei einer langen Pause</translation>
    </message>
    <message>
        <source>Make the worker take this long per record</source>
        <translation>Den Worker so lange pro Datensatz brauchen lassen</translation>
    </message>
    <message>
        <source>Make the worker fail on the records a filter matches</source>
        <translation>Den Worker an den Datensätzen scheitern lassen, auf die ein Filter passt</translation>
    </message>
    <message>
        <source>Slow Processing</source>
        <translation>Langsame Verarbeitung</translation>
    </message>
    <message>
        <source>Time %1 takes per record (0: normal speed):</source>
        <translation>Zeit, die %1 pro Datensatz braucht (0: normale Geschwindigkeit):</translation>
    </message>
    <message>
        <source>shard %1</source>
        <translation>Shard %1</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseDiagnoser</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>1 lease</source>
        <translation>1 Lease</translation>
    </message>
    <message>
        <source>%1 leases</source>
        <translation>%1 Leases</translation>
    </message>
    <message>
        <source>The lease of %1 has had no owner for %2 and no worker takes it: nobody reads this shard. Check that the application&apos;s workers run and reach the lease table.</source>
        <translation>Das Lease von %1 hat seit %2 keinen Besitzer und kein Worker übernimmt es: Niemand liest diesen Shard. Prüfen Sie, ob die Worker der Anwendung laufen und die Lease-Tabelle erreichen.</translation>
    </message>
    <message>
        <source>The lease of %1 expired %2 ago (%3 stopped renewing it) and no other worker has taken it: nobody reads this shard. Check that other workers run and can write to the lease table.</source>
        <translation>Das Lease von %1 ist seit %2 abgelaufen (%3 erneuert es nicht mehr) und kein anderer Worker hat es übernommen: Niemand liest diesen Shard. Prüfen Sie, ob andere Worker laufen und in die Lease-Tabelle schreiben können.</translation>
    </message>
    <message>
        <source>The lease of %1 changed owner %2 times in %3 (between %4): the workers steal it from each other, and each move restarts processing from the checkpoint. Look for a worker that stops renewing now and then (long pauses, slow processing) or unequal lease counts.</source>
        <translation>Das Lease von %1 hat in %3 %2-mal den Besitzer gewechselt (zwischen %4): Die Worker nehmen es sich gegenseitig weg, und jeder Wechsel beginnt die Verarbeitung wieder beim Checkpoint. Suchen Sie nach einem Worker, der ab und zu nicht erneuert (lange Pausen, langsame Verarbeitung), oder nach ungleich verteilten Leases.</translation>
    </message>
    <message>
        <source>The checkpoint of %1 has not moved for %2 while records wait: %3 holds the lease and renews it but does not get past a record. Look at its processing of the record after the checkpoint (a poison record, an exception, a blocked call).</source>
        <translation>Der Checkpoint von %1 hat sich seit %2 nicht bewegt, obwohl Datensätze warten: %3 hält das Lease und erneuert es, kommt aber nicht über einen Datensatz hinaus. Prüfen Sie, wie er den Datensatz nach dem Checkpoint verarbeitet (ein giftiger Datensatz, eine Ausnahme, ein blockierter Aufruf).</translation>
    </message>
    <message>
        <source>%1 waits for its parent %2, which is closed but has not reached SHARD_END: its checkpoint has not moved for %3. KCL reads a child only after all its parents are done; look at who holds %2 (%4) and why it does not finish.</source>
        <translation>%1 wartet auf seinen Eltern-Shard %2, der geschlossen ist, aber SHARD_END nicht erreicht hat: Sein Checkpoint hat sich seit %3 nicht bewegt. Die KCL liest ein Kind erst, wenn alle Eltern fertig sind; prüfen Sie, wer %2 hält (%4) und warum er nicht fertig wird.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>The lease of %1 is at SHARD_END and its shard is no longer in the stream (past retention): KCL deletes such leases once the children are processed.</source>
        <translation>Das Lease von %1 steht auf SHARD_END und sein Shard ist nicht mehr im Stream (Aufbewahrung abgelaufen): Die KCL löscht solche Leases, sobald die Kinder verarbeitet sind.</translation>
    </message>
    <message>
        <source>The lease of %1 is for a shard the stream does not have (deleted, past retention, or another stream of the same name): its workers fail on it. Check the application&apos;s stream name, or delete the lease.</source>
        <translation>Das Lease von %1 gehört zu einem Shard, den der Stream nicht hat (gelöscht, Aufbewahrung abgelaufen oder ein anderer Stream gleichen Namens): Seine Worker scheitern daran. Prüfen Sie den Stream-Namen der Anwendung oder löschen Sie das Lease.</translation>
    </message>
    <message>
        <source>The checkpoint of %1 is older than the oldest record the stream still keeps: the records in between expired before they were processed and are lost to this application. Raise the retention or make the consumer faster.</source>
        <translation>Der Checkpoint von %1 ist älter als der älteste Datensatz, den der Stream noch aufbewahrt: Die Datensätze dazwischen sind abgelaufen, bevor sie verarbeitet wurden, und für diese Anwendung verloren. Erhöhen Sie die Aufbewahrungsdauer oder machen Sie den Consumer schneller.</translation>
    </message>
    <message>
        <source>%1 is open but has no lease (for %2): nobody reads it. KCL creates leases in its shard sync; check that the workers run shard sync and read the right stream.</source>
        <translation>%1 ist offen, hat aber kein Lease (seit %2): Niemand liest ihn. Die KCL legt Leases bei der Shard-Synchronisierung an; prüfen Sie, ob die Worker sie ausführen und den richtigen Stream lesen.</translation>
    </message>
    <message>
        <source>%1 holds %2 but has renewed none of them for %3: it stopped, hangs or cannot reach the lease table. Other workers take its leases after the failover time.</source>
        <translation>%1 hält %2, hat aber seit %3 keines davon erneuert: Er ist gestoppt, hängt oder erreicht die Lease-Tabelle nicht. Andere Worker übernehmen seine Leases nach der Failover-Zeit.</translation>
    </message>
    <message>
        <source>%1 is paused and holds %2 it no longer renews: other workers take them after the failover time.</source>
        <translation>%1 ist angehalten und hält %2, die er nicht mehr erneuert: Andere Worker übernehmen sie nach der Failover-Zeit.</translation>
    </message>
    <message>
        <source>%1 believes it holds %2 but its last renewal was %3 ago: look at its last error and its connection to the lease table.</source>
        <translation>%1 glaubt, %2 zu halten, hat aber zuletzt vor %3 erneuert: Prüfen Sie seinen letzten Fehler und seine Verbindung zur Lease-Tabelle.</translation>
    </message>
    <message>
        <source>The consumer of %1 falls behind: it is %2 behind and the lag grows by about %3 s every minute. Records arrive faster than they are processed: look at the processing time per record, throttling, or add shards and workers.</source>
        <translation>Der Consumer von %1 fällt zurück: Er liegt %2 zurück und der Rückstand wächst um etwa %3 s pro Minute. Datensätze kommen schneller an, als sie verarbeitet werden: Prüfen Sie die Verarbeitungszeit pro Datensatz und Drosselungen, oder fügen Sie Shards und Worker hinzu.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseWorkersModel</name>
    <message>
        <source>slow: %1 a record</source>
        <translation>langsam: %1 pro Datensatz</translation>
    </message>
    <message>
        <source>poison: %1</source>
        <translation>Gift: %1</translation>
    </message>
    <message>
        <source>renewing</source>
        <translation>erneuert</translation>
    </message>
    <message>
        <source>not renewing</source>
        <translation>erneuert nicht</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Renews its leases within the failover time.</source>
        <translation>Erneuert seine Leases innerhalb der Failover-Zeit.</translation>
    </message>
    <message>
        <source>Renewed none of its leases within the failover time: other workers will take them.</source>
        <translation>Hat keines seiner Leases innerhalb der Failover-Zeit erneuert: Andere Worker werden sie übernehmen.</translation>
    </message>
    <message>
        <source>Paused: neither renews nor reads.</source>
        <translation>Angehalten: erneuert nicht und liest nicht.</translation>
    </message>
    <message>
        <source>Killed: gone without giving its leases up.</source>
        <translation>Beendet: verschwunden, ohne seine Leases abzugeben.</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Leases</source>
        <translation>Leases</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Last renewal</source>
        <translation>Letzte Erneuerung</translation>
    </message>
    <message>
        <source>Faults and errors</source>
        <translation>Fehlerinjektion und Fehler</translation>
    </message>
    <message>
        <source>%1 (leader)</source>
        <translation>%1 (Leader)</translation>
    </message>
</context>
<context>
    <name>shardscope::LeasesModel</name>
    <message>
        <source>1 record</source>
        <translation>1 Datensatz</translation>
    </message>
    <message>
        <source>%L1 records</source>
        <translation>%L1 Datensätze</translation>
    </message>
    <message>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <source>ended; children %1</source>
        <translation>beendet; Kinder %1</translation>
    </message>
    <message>
        <source>closed; %1 waiting</source>
        <translation>geschlossen; %1 wartet</translation>
    </message>
    <message>
        <source>held</source>
        <translation>gehalten</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>no lease</source>
        <translation>kein Lease</translation>
    </message>
    <message>
        <source>Its owner renews it: the lease counter moved within the failover time.</source>
        <translation>Sein Besitzer erneuert es: Der Lease-Zähler hat sich innerhalb der Failover-Zeit bewegt.</translation>
    </message>
    <message>
        <source>The lease counter has not moved for longer than the failover time (%1): any worker may take it.</source>
        <translation>Der Lease-Zähler hat sich länger als die Failover-Zeit (%1) nicht bewegt: Jeder Worker darf es übernehmen.</translation>
    </message>
    <message>
        <source>Nobody holds this lease: the next worker to look takes it.</source>
        <translation>Niemand hält dieses Lease: Der nächste Worker, der nachsieht, übernimmt es.</translation>
    </message>
    <message>
        <source>Processed to its end (SHARD_END): the children may be read.</source>
        <translation>Bis zum Ende verarbeitet (SHARD_END): Die Kinder dürfen gelesen werden.</translation>
    </message>
    <message>
        <source>The lease table has no lease for this shard: nobody reads it.</source>
        <translation>Die Lease-Tabelle hat kein Lease für diesen Shard: Niemand liest ihn.</translation>
    </message>
    <message>
        <source>How often the lease changed owner since its last checkpoint: every switch reprocesses the records after the checkpoint.</source>
        <translation>Wie oft das Lease seit seinem letzten Checkpoint den Besitzer gewechselt hat: Jeder Wechsel verarbeitet die Datensätze nach dem Checkpoint erneut.</translation>
    </message>
    <message>
        <source>How far the checkpoint is behind the newest record of the shard.</source>
        <translation>Wie weit der Checkpoint hinter dem neuesten Datensatz des Shards liegt.</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>Lease</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Switches</source>
        <translation>Wechsel</translation>
    </message>
    <message>
        <source>Parents and children</source>
        <translation>Eltern und Kinder</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>aufgeholt</translation>
    </message>
</context>
<context>
    <name>shardscope::OpenLeaseTableDialog</name>
    <message>
        <source>A DynamoDB endpoint</source>
        <translation>Ein DynamoDB-Endpunkt</translation>
    </message>
    <message>
        <source>Open a Lease Table</source>
        <translation>Lease-Tabelle öffnen</translation>
    </message>
    <message>
        <source>the KCL application&apos;s name</source>
        <translation>der Name der KCL-Anwendung</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The application&apos;s failoverTimeMillis: a lease whose counter has not moved for longer is shown as expired.</source>
        <translation>failoverTimeMillis der Anwendung: Ein Lease, dessen Zähler sich länger nicht bewegt hat, wird als abgelaufen angezeigt.</translation>
    </message>
    <message>
        <source>The connection&apos;s credentials and region</source>
        <translation>Die Zugangsdaten und Region der Verbindung</translation>
    </message>
    <message>
        <source>Only an AWS connection has credentials for DynamoDB.</source>
        <translation>Nur eine AWS-Verbindung hat Zugangsdaten für DynamoDB.</translation>
    </message>
    <message>
        <source>The credentials and region of %1</source>
        <translation>Die Zugangsdaten und Region von %1</translation>
    </message>
    <message>
        <source>Read-only: Shardscope only reads this table (a Scan every few seconds) and never writes to it, so the application is not disturbed.</source>
        <translation>Schreibgeschützt: Shardscope liest diese Tabelle nur (alle paar Sekunden ein Scan) und schreibt nie hinein, die Anwendung wird also nicht gestört.</translation>
    </message>
    <message>
        <source>Table name:</source>
        <translation>Tabellenname:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wo:</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>Endpunkt-URL:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Failover time:</source>
        <translation>Failover-Zeit:</translation>
    </message>
</context>
<context>
    <name>shardscope::PoisonRecordDialog</name>
    <message>
        <source>Poison Record</source>
        <translation>Giftiger Datensatz</translation>
    </message>
    <message>
        <source>%1 fails on every record this filter matches, as a consumer with a bug fails on a poison record: it keeps its lease but its checkpoint stops there. Empty: no poison.</source>
        <translation>%1 scheitert an jedem Datensatz, auf den dieser Filter passt, wie ein fehlerhafter Consumer an einem giftigen Datensatz: Er behält sein Lease, aber sein Checkpoint bleibt dort stehen. Leer: kein Gift.</translation>
    </message>
</context>
<context>
    <name>shardscope::RunGroupDialog</name>
    <message>
        <source>By polling (GetRecords)</source>
        <translation>Durch Abfragen (GetRecords)</translation>
    </message>
    <message>
        <source>Through a registered consumer (enhanced fan-out)</source>
        <translation>Über einen registrierten Consumer (Enhanced Fan-Out)</translation>
    </message>
    <message>
        <source>In the local store</source>
        <translation>Im lokalen Speicher</translation>
    </message>
    <message>
        <source>In DynamoDB</source>
        <translation>In DynamoDB</translation>
    </message>
    <message>
        <source>Run a Consumer Group</source>
        <translation>Consumer-Gruppe ausführen</translation>
    </message>
    <message>
        <source>The stream has no ACTIVE consumer: register one on the Consumers tab to read through enhanced fan-out.</source>
        <translation>Der Stream hat keinen ACTIVE-Consumer: Registrieren Sie einen auf dem Reiter Consumer, um über Enhanced Fan-Out zu lesen.</translation>
    </message>
    <message>
        <source>Each worker subscribes to its shards with this consumer.</source>
        <translation>Jeder Worker abonniert seine Shards mit diesem Consumer.</translation>
    </message>
    <message>
        <source>Oldest record (TRIM_HORIZON)</source>
        <translation>Ältester Datensatz (TRIM_HORIZON)</translation>
    </message>
    <message>
        <source>New records only (LATEST)</source>
        <translation>Nur neue Datensätze (LATEST)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>This connection is read-only. The group only reads the stream; it writes its leases and checkpoints to the lease table below, not to the stream.</source>
        <translation>Diese Verbindung ist schreibgeschützt. Die Gruppe liest den Stream nur; ihre Leases und Checkpoints schreibt sie in die Lease-Tabelle unten, nicht in den Stream.</translation>
    </message>
    <message>
        <source>The group reads the stream as a KCL application does and writes its leases and checkpoints to the lease table below.</source>
        <translation>Die Gruppe liest den Stream wie eine KCL-Anwendung und schreibt ihre Leases und Checkpoints in die Lease-Tabelle unten.</translation>
    </message>
    <message>
        <source>Application name:</source>
        <translation>Anwendungsname:</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Worker:</translation>
    </message>
    <message>
        <source>Read:</source>
        <translation>Lesen:</translation>
    </message>
    <message>
        <source>Consumer:</source>
        <translation>Consumer:</translation>
    </message>
    <message>
        <source>Start at:</source>
        <translation>Beginnen bei:</translation>
    </message>
    <message>
        <source>Failover time:</source>
        <translation>Failover-Zeit:</translation>
    </message>
    <message>
        <source>Lease table:</source>
        <translation>Lease-Tabelle:</translation>
    </message>
    <message>
        <source>Endpoint URL:</source>
        <translation>Endpunkt-URL:</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <source>Enter the application&apos;s name: it names the lease table.</source>
        <translation>Geben Sie den Namen der Anwendung ein: Er benennt die Lease-Tabelle.</translation>
    </message>
    <message>
        <source>3 to 255 letters, digits, _ . or - (DynamoDB&apos;s rule for table names).</source>
        <translation>3 bis 255 Buchstaben, Ziffern, _ . oder - (die Regel von DynamoDB für Tabellennamen).</translation>
    </message>
    <message>
        <source>Enter the DynamoDB endpoint, such as http://localhost:8000.</source>
        <translation>Geben Sie den DynamoDB-Endpunkt ein, etwa http://localhost:8000.</translation>
    </message>
    <message>
        <source>Not an http:// or https:// URL with a host, such as http://localhost:8000.</source>
        <translation>Keine http://- oder https://-URL mit Host, etwa http://localhost:8000.</translation>
    </message>
    <message>
        <source>A region name such as us-east-1.</source>
        <translation>Ein Regionsname wie us-east-1.</translation>
    </message>
    <message>
        <source>KCL 2.x: every worker takes and steals leases</source>
        <translation>KCL 2.x: Jeder Worker übernimmt und stiehlt Leases selbst</translation>
    </message>
    <message>
        <source>KCL 3.x: an elected leader assigns the leases</source>
        <translation>KCL 3.x: Ein gewählter Leader weist die Leases zu</translation>
    </message>
    <message>
        <source>Assignment:</source>
        <translation>Zuweisung:</translation>
    </message>
    <message>
        <source>One worker, elected through a lock, assigns every lease every 2 × the failover time; the others only renew what they are given.</source>
        <translation>Ein über eine Sperre gewählter Worker weist alle 2 × Failover-Zeit jedes Lease zu; die anderen erneuern nur, was sie bekommen.</translation>
    </message>
    <message>
        <source>Each worker takes expired leases and steals one at a time from the busiest, every 2 × the failover time.</source>
        <translation>Jeder Worker übernimmt abgelaufene Leases und stiehlt alle 2 × Failover-Zeit eines vom meistbelasteten.</translation>
    </message>
    <message>
        <source>Records from a time (AT_TIMESTAMP)</source>
        <translation>Datensätze ab einem Zeitpunkt (AT_TIMESTAMP)</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Ab:</translation>
    </message>
    <message>
        <source>Enter a date and time, such as 2026-01-31 14:00:00.</source>
        <translation>Geben Sie Datum und Uhrzeit ein, etwa 2026-01-31 14:00:00.</translation>
    </message>
    <message>
        <source>%1 is in the future: Kinesis reads from a time up to now only.</source>
        <translation>%1 liegt in der Zukunft: Kinesis liest nur ab einem Zeitpunkt bis jetzt.</translation>
    </message>
</context>
<context>
    <name>shardscope::SwimLaneChart</name>
    <message>
        <source>expired (counter stopped)</source>
        <translation>abgelaufen (Zähler steht)</translation>
    </message>
    <message>
        <source>%1: %2, expired, %3–%4</source>
        <translation>%1: %2, abgelaufen, %3–%4</translation>
    </message>
    <message>
        <source>%1: %2, %3–%4</source>
        <translation>%1: %2, %3–%4</translation>
    </message>
    <message>
        <source>%1: nobody</source>
        <translation>%1: niemand</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerDebugController</name>
    <message>
        <source>enhanced fan-out</source>
        <translation>Enhanced Fan-Out</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <source>%1, reading by %3; workers at the start: %2; lease table: %4</source>
        <translation>%1, liest durch %3; Worker beim Start: %2; Lease-Tabelle: %4</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Only an AWS connection has credentials for DynamoDB.</source>
        <translation>Nur eine AWS-Verbindung hat Zugangsdaten für DynamoDB.</translation>
    </message>
    <message>
        <source>%1; leases assigned by an elected leader (KCL 3.x)</source>
        <translation>%1; Leases von einem gewählten Leader zugewiesen (KCL 3.x)</translation>
    </message>
</context>
<context>
    <name>shardscope::SqliteLeaseTable</name>
    <message>
        <source>The lease store failed: %1</source>
        <translation>Der Lease-Speicher ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>SQLite, %1</source>
        <translation>SQLite, %1</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The lease table %1 is open read-only.</source>
        <translation>Die Lease-Tabelle %1 ist schreibgeschützt geöffnet.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseCoordinator</name>
    <message>
        <source>Renewing the lease of %1 failed: %2</source>
        <translation>Das Erneuern des Leases von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Writing the lease of %1 failed: %2</source>
        <translation>Das Schreiben des Leases von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Listing the leases failed: %1</source>
        <translation>Das Auflisten der Leases ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Taking the lease of %1 failed: %2</source>
        <translation>Das Übernehmen des Leases von %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerWorker</name>
    <message>
        <source>Processing failed in %1 at record %2 (poison record); retrying from the last checkpoint</source>
        <translation>Verarbeitung in %1 bei Datensatz %2 fehlgeschlagen (Giftdatensatz); neuer Versuch ab dem letzten Checkpoint</translation>
    </message>
</context>
<context>
    <name>shardscope::ConsumerGroup</name>
    <message>
        <source>The lease table %1 could not be created: %2</source>
        <translation>Die Lease-Tabelle %1 konnte nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>The poison filter does not parse: %1</source>
        <translation>Der Giftfilter ist ungültig: %1</translation>
    </message>
    <message>
        <source>Creating the leases for the shards of %1 failed: %2</source>
        <translation>Das Anlegen der Leases für die Shards von %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>KCL 3.x leader assignment needs a lease table in the local store or in DynamoDB; %1 is neither.</source>
        <translation>Die Leader-Zuweisung von KCL 3.x braucht eine Lease-Tabelle im lokalen Speicher oder in DynamoDB; %1 ist keins von beiden.</translation>
    </message>
    <message>
        <source>its coordinator state: %1</source>
        <translation>sein Koordinationszustand: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardReadersModel</name>
    <message>
        <source>Trim horizon</source>
        <translation>Trim Horizon (ältester)</translation>
    </message>
    <message>
        <source>Shardscope (this app)</source>
        <translation>Shardscope (diese App)</translation>
    </message>
    <message>
        <source>Unknown client</source>
        <translation>Unbekannter Client</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Liest</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Untätig</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1 rec · %2 · %3</source>
        <translation>%1 Ds. · %2 · %3</translation>
    </message>
    <message>
        <source>User agent: %1</source>
        <translation>User-Agent: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Access key id: %1</source>
        <translation>Zugriffsschlüssel-ID: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Adresse: %1</translation>
    </message>
    <message>
        <source>this app</source>
        <translation>diese App</translation>
    </message>
    <message>
        <source>No position is known yet.</source>
        <translation>Noch ist keine Position bekannt.</translation>
    </message>
    <message>
        <source>Last sequence number read (or where its iterator starts): %1</source>
        <translation>Zuletzt gelesene Sequenznummer (oder wo sein Iterator beginnt): %1</translation>
    </message>
    <message>
        <source>Readable records after this position: %L1 (%2). The last GetRecords said MillisBehindLatest %L3 ms.</source>
        <translation>Lesbare Datensätze nach dieser Position: %L1 (%2). Das letzte GetRecords meldete MillisBehindLatest %L3 ms.</translation>
    </message>
    <message>
        <source>Over the last few seconds. In all: %L1 GetRecords calls, %L2 GetShardIterator calls, %L3 records (%4).</source>
        <translation>Über die letzten Sekunden. Insgesamt: %L1 GetRecords-Aufrufe, %L2 GetShardIterator-Aufrufe, %L3 Datensätze (%4).</translation>
    </message>
    <message>
        <source>GetRecords calls refused with ProvisionedThroughputExceededException (a shard allows 5 calls and 2 MiB a second).</source>
        <translation>Mit ProvisionedThroughputExceededException abgelehnte GetRecords-Aufrufe (ein Shard erlaubt 5 Aufrufe und 2 MiB pro Sekunde).</translation>
    </message>
    <message>
        <source>GetRecords calls refused with ExpiredIteratorException (an iterator lives 5 minutes).</source>
        <translation>Mit ExpiredIteratorException abgelehnte GetRecords-Aufrufe (ein Iterator lebt 5 Minuten).</translation>
    </message>
    <message>
        <source>Reading: called within the last 10 s. Idle: not for 10 s. Gone: not for a minute; the row goes after 5 minutes.</source>
        <translation>Liest: Aufruf in den letzten 10 s. Untätig: seit 10 s keiner. Weg: seit einer Minute keiner; die Zeile verschwindet nach 5 Minuten.</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Calls/s</source>
        <translation>Aufrufe/s</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>Datensätze/s</translation>
    </message>
    <message>
        <source>Throttled</source>
        <translation>Gedrosselt</translation>
    </message>
    <message>
        <source>Expired iterators</source>
        <translation>Abgelaufene Iteratoren</translation>
    </message>
    <message>
        <source>Last read</source>
        <translation>Zuletzt gelesen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>shardscope::ShardReadersView</name>
    <message>
        <source>Readers</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Who polls this stream with GetShardIterator and GetRecords, per shard: any client of the emulator, this app included; read every second while this tab is shown. Readers quiet for 10 s are idle, after a minute gone.</source>
        <translation>Wer diesen Stream mit GetShardIterator und GetRecords abfragt, je Shard: jeder Client des Emulators, diese App eingeschlossen; jede Sekunde gelesen, solange diese Registerkarte sichtbar ist. Leser ohne Aufruf seit 10 s sind untätig, nach einer Minute weg.</translation>
    </message>
    <message>
        <source>%1 does not report readers: Kinesis tells no one which clients call GetRecords. The local emulator lists every reader it serves, through --serve and in this app.</source>
        <translation>%1 meldet keine Leser: Kinesis verrät niemandem, welche Clients GetRecords aufrufen. Der lokale Emulator listet jeden Leser, den er bedient, über --serve und in dieser App.</translation>
    </message>
    <message>
        <source>The readers could not be listed: %1</source>
        <translation>Die Leser konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Nobody has read this stream in the last 5 minutes. Readers appear here as soon as they call GetShardIterator or GetRecords, through --serve or the Records tab.</source>
        <translation>In den letzten 5 Minuten hat niemand diesen Stream gelesen. Leser erscheinen hier, sobald sie GetShardIterator oder GetRecords aufrufen, über --serve oder die Registerkarte Datensätze.</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaderElector</name>
    <message>
        <source>Renewing the leader lock failed: %1</source>
        <translation>Das Erneuern der Leader-Sperre ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reading the leader lock failed: %1</source>
        <translation>Das Lesen der Leader-Sperre ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Taking the leader lock failed: %1</source>
        <translation>Das Übernehmen der Leader-Sperre ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseAssignmentManager</name>
    <message>
        <source>Listing the leases for assignment failed: %1</source>
        <translation>Das Auflisten der Leases für die Zuweisung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reading the workers&apos; metric stats failed: %1</source>
        <translation>Das Lesen der Metrikwerte der Worker ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Assigning the lease of %1 to %2 failed: %3</source>
        <translation>Das Zuweisen des Leases von %1 an %2 ist fehlgeschlagen: %3</translation>
    </message>
</context>
<context>
    <name>shardscope::LeaseDiscoverer</name>
    <message>
        <source>Listing the leases failed: %1</source>
        <translation>Das Auflisten der Leases ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::WorkerMetricsReporter</name>
    <message>
        <source>Writing the worker&apos;s metric stats failed: %1</source>
        <translation>Das Schreiben der Metrikwerte des Workers ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>shardscope::SqliteCoordinatorStore</name>
    <message>
        <source>The coordinator store failed: %1</source>
        <translation>Der Koordinationsspeicher ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>SQLite, %1</source>
        <translation>SQLite, %1</translation>
    </message>
    <message>
        <source>in memory</source>
        <translation>im Arbeitsspeicher</translation>
    </message>
    <message>
        <source>The coordinator state of %1 is open read-only.</source>
        <translation>Der Koordinationszustand von %1 ist schreibgeschützt geöffnet.</translation>
    </message>
</context>
<context>
    <name>shardscope::DynamoCoordinatorStore</name>
    <message>
        <source>DynamoDB, %1</source>
        <translation>DynamoDB, %1</translation>
    </message>
    <message>
        <source>The coordinator state of %1 is open read-only: %2 was not sent.</source>
        <translation>Der Koordinationszustand von %1 ist schreibgeschützt geöffnet: %2 wurde nicht gesendet.</translation>
    </message>
</context>
</TS>
