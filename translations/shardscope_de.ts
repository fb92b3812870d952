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
        <source>Do not trickle sample events into the demo stream in this session.</source>
        <translation>In dieser Sitzung keine Beispielereignisse in den Demo-Stream einspeisen.</translation>
    </message>
    <message>
        <source>Open this stream of the local emulator at start.</source>
        <translation>Diesen Stream des lokalen Emulators beim Start öffnen.</translation>
    </message>
    <message>
        <source>With --stream: the tab to show (overview or shards).</source>
        <translation>Mit --stream: der anzuzeigende Tab (overview oder shards).</translation>
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
        <source>Listing KMS keys is not supported for AWS connections yet; enter the key&apos;s ARN or alias instead.</source>
        <translation>Das Auflisten von KMS-Schlüsseln wird für AWS-Verbindungen noch nicht unterstützt; geben Sie stattdessen den ARN oder Alias des Schlüssels ein.</translation>
    </message>
    <message>
        <source>Creating KMS keys is not supported for AWS connections yet; create the key in the AWS console or with `aws kms create-key`.</source>
        <translation>Das Erstellen von KMS-Schlüsseln wird für AWS-Verbindungen noch nicht unterstützt; erstellen Sie den Schlüssel in der AWS-Konsole oder mit `aws kms create-key`.</translation>
    </message>
    <message>
        <source>The credentials of %1 are no longer available.</source>
        <translation>Die Anmeldedaten von %1 sind nicht mehr verfügbar.</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>Die Verbindung wurde geschlossen.</translation>
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
    <name>shardscope::InlineErrorLabel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
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
        <source>#%1</source>
        <translation>#%1</translation>
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
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 (%2)
Hash keys %3 – %4
%5–%6% of the key space</source>
        <translation>%1 (%2)
Hash-Schlüssel %3 – %4
%5–%6&#xa0;% des Schlüsselraums</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
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
        <source>S&amp;hards</source>
        <translation>Sha&amp;rds</translation>
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
        <source>Hash-key space — click a shard to select it</source>
        <translation>Hash-Schlüsselraum — klicken Sie auf einen Shard, um ihn auszuwählen</translation>
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
</TS>
