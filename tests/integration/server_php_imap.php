<?php
// PHP's imap extension (UW c-client) against imapkit_example_server: started by
// server_php_imap.py, which seeds the maildir, starts the server and writes EXPECTED (JSON: port,
// user, password, maildir, the seeded messages and some of their sections, base64). Every value
// the client gets back is compared with those bytes or with the maildir's files.
//
//   php server_php_imap.php EXPECTED.json

$passed = 0;
$failed = 0;

function check($ok, $what, $got = null) {
    global $passed, $failed;
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        fwrite(STDERR, "FAIL: $what\n");
        if (func_num_args() > 2) {
            fwrite(STDERR, "      got: " . substr(var_export($got, true), 0, 600) . "\n");
        }
    }
    return $ok;
}

function equal($got, $expected, $what) {
    return check($got === $expected,
                 "$what (expected " . substr(var_export($expected, true), 0, 200) . ")", $got);
}

$expected = json_decode(file_get_contents($argv[1]), true);
$maildir = $expected['maildir'];
$message = array_map('base64_decode', $expected['messages']);
$section = array_map('base64_decode', $expected['sections']);
$uidvalidity = $expected['uidvalidity'];

// No read or write waits more than 30 s.
foreach ([IMAP_OPENTIMEOUT, IMAP_READTIMEOUT, IMAP_WRITETIMEOUT, IMAP_CLOSETIMEOUT] as $t) {
    imap_timeout($t, 30);
}
$server = "{127.0.0.1:{$expected['port']}/imap/notls}";

// The maildir files of a mailbox: [file name => bytes].
function maildir_files($dir) {
    $files = [];
    foreach (['cur', 'new'] as $sub) {
        foreach (glob("$dir/$sub/*") ?: [] as $path) {
            $files[basename($path)] = file_get_contents($path);
        }
    }
    return $files;
}

// The maildir info letters of the one file holding $bytes in $dir.
function flags_on_disk($dir, $bytes) {
    $names = array_keys(maildir_files($dir), $bytes, true);
    if (count($names) !== 1 || !preg_match('/:2,([A-Z]*)$/', $names[0], $m)) {
        return '(' . count($names) . ' files)';
    }
    return $m[1];
}

function mailbox_names($entries, $server) {
    $names = array_map(fn($name) => substr($name, strlen($server)), $entries ?: []);
    sort($names);
    return $names;
}

// --- Login --------------------------------------------------------------------------------
// c-client takes AUTH=PLAIN over a connection without TLS, but complains ("SECURITY PROBLEM:
// insecure server advertised AUTH=PLAIN"). DISABLE_AUTHENTICATOR lasts for the process: PLAIN
// first, then every other connection logs in with LOGIN.
$plain = imap_open($server, $expected['user'], $expected['password'], OP_HALFOPEN, 0);
check($plain !== false, "AUTHENTICATE PLAIN (continuation)", imap_last_error());
if ($plain) {
    imap_close($plain);
}
imap_errors();  // the SECURITY PROBLEM notice
$imap = imap_open($server . 'INBOX', $expected['user'], $expected['password'], 0, 0,
                  ['DISABLE_AUTHENTICATOR' => 'PLAIN']);
check($imap !== false, "LOGIN and SELECT INBOX", imap_last_error()) or exit(1);
equal(imap_errors(), false, "no errors after LOGIN");
$wrong = @imap_open($server, $expected['user'], 'wrong', OP_HALFOPEN, 0);
$errors = imap_errors() ?: [];
check($wrong === false && in_array('[AUTHENTICATIONFAILED] Invalid credentials', $errors),
      "a wrong password is refused with [AUTHENTICATIONFAILED]", $errors);

// --- Folders ------------------------------------------------------------------------------
equal(mailbox_names(imap_list($imap, $server, '*'), $server), ['Archive', 'INBOX'],
      "LIST: the seeded mailboxes");
// "Entwürfe" in modified UTF-7, as it goes on the wire (PHP 8.2's imap_utf7_encode gets it
// wrong); the server keeps the wire form as the directory's name.
$drafts = 'Entw&APw-rfe';
check(imap_createmailbox($imap, $server . 'Projects')
      && imap_createmailbox($imap, $server . 'Projects/2026')
      && imap_createmailbox($imap, $server . $drafts), "CREATE", imap_last_error());
check(is_dir("$maildir/Projects/2026/cur") && is_dir("$maildir/$drafts/cur"),
      "CREATE made the maildir directories");
equal(mailbox_names(imap_list($imap, $server, '*'), $server),
      ['Archive', 'Entw&APw-rfe', 'INBOX', 'Projects', 'Projects/2026'], "LIST after CREATE");
$attributes = [];
foreach (imap_getmailboxes($imap, $server, 'Projects%') ?: [] as $box) {
    $attributes[substr($box->name, strlen($server))] = $box->attributes;
    equal($box->delimiter, '/', "hierarchy delimiter of $box->name");
}
check(($attributes['Projects'] ?? 0) & LATT_HASCHILDREN, "Projects: \\HasChildren", $attributes);
check(imap_renamemailbox($imap, $server . 'Projects/2026', $server . 'Projects/Done'),
      "RENAME", imap_last_error());
check(is_dir("$maildir/Projects/Done/cur") && !file_exists("$maildir/Projects/2026"),
      "RENAME moved the directory");
check(imap_unsubscribe($imap, $server . 'Projects/Done'), "UNSUBSCRIBE", imap_last_error());
check(!in_array('Projects/Done', mailbox_names(imap_lsub($imap, $server, '*'), $server)),
      "LSUB without the unsubscribed mailbox");
check(imap_subscribe($imap, $server . 'Projects/Done'), "SUBSCRIBE", imap_last_error());
check(in_array('Projects/Done', mailbox_names(imap_lsub($imap, $server, '*'), $server)),
      "LSUB with the subscribed mailbox");
check(!@imap_deletemailbox($imap, $server . 'Projects'),
      "DELETE of a mailbox with inferiors is refused");
check(imap_deletemailbox($imap, $server . 'Projects/Done')
      && imap_deletemailbox($imap, $server . 'Projects')
      && imap_deletemailbox($imap, $server . $drafts), "DELETE", imap_last_error());
check(!file_exists("$maildir/Projects") && !file_exists("$maildir/$drafts"),
      "DELETE removed the directories");
imap_errors();  // the refused DELETE's NO

// --- STATUS, CHECK, SEARCH ----------------------------------------------------------------
$status = imap_status($imap, $server . 'INBOX', SA_ALL);
equal([$status->messages, $status->recent, $status->unseen, $status->uidnext,
       $status->uidvalidity], [3, 0, 2, 4, $uidvalidity],
      "STATUS: MESSAGES RECENT UNSEEN UIDNEXT UIDVALIDITY");
$check = imap_check($imap);
equal([$check->Driver, $check->Nmsgs, $check->Recent], ['imap', 3, 0], "CHECK");
equal(imap_search($imap, 'FROM "dave"', SE_UID), [2], "SEARCH FROM");
equal(imap_search($imap, 'UNSEEN', SE_UID), [2, 3], "SEARCH UNSEEN");
equal(imap_search($imap, 'FLAGGED'), [3], "SEARCH FLAGGED (message numbers)");
equal(imap_search($imap, 'SUBJECT "Alternative parts"', SE_UID), [3], "SEARCH SUBJECT");
equal(imap_search($imap, 'BODY "kumquats"', SE_UID), [1], "SEARCH BODY");
equal(imap_search($imap, 'TEXT "nowhere-to-be-found"', SE_UID), false, "SEARCH, no match");

// --- FETCH (PEEK: the flags stay as seeded) ------------------------------------------------
$peek = FT_UID | FT_PEEK;
foreach ($message as $uid => $bytes) {
    equal(imap_fetchbody($imap, $uid, '', $peek), $bytes,
          "BODY.PEEK[] of UID $uid is the maildir file's bytes");
    equal(imap_fetchheader($imap, $uid, FT_UID) . imap_body($imap, $uid, $peek), $bytes,
          "HEADER and TEXT of UID $uid make the file");
}
equal(imap_fetchbody($imap, 2, '1', $peek), $section['2:1'], "BODY[1] of the multipart/mixed");
equal(imap_fetchbody($imap, 2, '2', $peek), $section['2:2'], "BODY[2] (base64 attachment)");
equal(base64_decode(imap_fetchbody($imap, 2, '2', $peek)), $section['attachment'],
      "the attachment decodes to its bytes");
equal(imap_fetchmime($imap, 2, '1', $peek), "Content-Type: text/plain; charset=utf-8\r\n\r\n",
      "BODY[1.MIME]");
equal(imap_fetchbody($imap, 3, '2', $peek), $section['3:2'],
      "BODY[2] of the multipart/alternative (short)");
equal(imap_fetchbody($imap, 3, '1', $peek), $section['3:1'],
      "BODY[1] of the multipart/alternative (short)");
equal(imap_search($imap, 'UNSEEN', SE_UID), [2, 3], "the PEEKs left the flags alone");

$structure = imap_fetchstructure($imap, 2, FT_UID);
equal([$structure->type, $structure->subtype, count($structure->parts)],
      [TYPEMULTIPART, 'MIXED', 2], "BODYSTRUCTURE of UID 2: multipart/mixed, 2 parts");
equal($structure->parameters[0]->value ?? null, 'mix-1', "the boundary parameter");
[$text, $attachment] = $structure->parts;
equal([$text->type, $text->subtype, $text->bytes, $text->lines, $text->parameters[0]->value],
      [TYPETEXT, 'PLAIN', strlen($section['2:1']), 1, 'utf-8'], "part 1: text/plain");
equal([$attachment->type, $attachment->subtype, $attachment->encoding, $attachment->bytes],
      [TYPEAPPLICATION, 'OCTET-STREAM', ENCBASE64, strlen($section['2:2'])],
      "part 2: application/octet-stream, base64");
equal([$attachment->disposition, $attachment->dparameters[0]->value],
      ['attachment', 'report.bin'], "part 2: attachment, filename report.bin");
$structure = imap_fetchstructure($imap, 3, FT_UID);
equal([$structure->subtype, array_map(fn($p) => $p->subtype, $structure->parts)],
      ['ALTERNATIVE', ['PLAIN', 'HTML']], "BODYSTRUCTURE of UID 3");
$structure = imap_fetchstructure($imap, 1, FT_UID);
equal([$structure->type, $structure->subtype, $structure->bytes, $structure->lines],
      [TYPETEXT, 'PLAIN', strlen($section['1:TEXT']), 2], "BODYSTRUCTURE of UID 1");

$header = imap_headerinfo($imap, 1);
equal([$header->subject, $header->fromaddress, $header->ccaddress, $header->message_id,
       $header->date], ['Plain hello', 'Alice Example <alice@example.org>',
                        'Carol <carol@example.com>', '<plain@example.org>',
                        'Mon, 23 Nov 2026 09:00:00 +0100'], "headerinfo: ENVELOPE");
equal([$header->to[0]->mailbox, $header->to[0]->host, $header->to[0]->personal],
      ['bob', 'example.net', 'Bob Example'], "headerinfo: To address");
equal([trim($header->Size), $header->MailDate, $header->udate],
      [(string) strlen($message[1]), $expected['internaldates'][1],
       $expected['mtimes'][1]], "headerinfo: RFC822.SIZE and INTERNALDATE (the file's mtime)");
$overview = imap_fetch_overview($imap, '1:3', FT_UID);
equal(array_map(fn($o) => [$o->uid, $o->size, $o->seen, $o->flagged], $overview),
      [[1, strlen($message[1]), 1, 0], [2, strlen($message[2]), 0, 0],
       [3, strlen($message[3]), 0, 1]], "fetch_overview: UID, size, \\Seen, \\Flagged");

// --- Flags ----------------------------------------------------------------------------------
check(imap_setflag_full($imap, '2', '\\Flagged \\Answered', ST_UID), "STORE +FLAGS",
      imap_last_error());
equal(flags_on_disk($maildir, $message[2]), 'FR', "STORE renamed the file to :2,FR");
check(imap_clearflag_full($imap, '2', '\\Flagged', ST_UID), "STORE -FLAGS", imap_last_error());
equal(flags_on_disk($maildir, $message[2]), 'R', "STORE -FLAGS renamed the file to :2,R");
// Without FT_PEEK: c-client has the part cached already, and STOREs \Seen itself.
imap_fetchbody($imap, 2, '1', FT_UID);
equal(flags_on_disk($maildir, $message[2]), 'RS', "reading BODY[1] without FT_PEEK set \\Seen");
equal(imap_search($imap, 'ANSWERED', SE_UID), [2], "SEARCH ANSWERED");

// --- APPEND ---------------------------------------------------------------------------------
$appended = "From: PHP <php@example.org>\r\nSubject: appended by c-client\r\n"
          . "Date: Thu, 26 Nov 2026 12:00:00 +0000\r\n\r\nLine one.\r\nLine two, caf\xc3\xa9.\r\n";
check(imap_append($imap, $server . 'INBOX', $appended, '\\Draft', '26-Nov-2026 12:00:00 +0000'),
      "APPEND", imap_last_error());
equal(flags_on_disk($maildir, $appended), 'D', "APPEND wrote the file with :2,D");
equal(imap_num_msg($imap), 4, "the APPEND's EXISTS reached the open mailbox");
equal(imap_fetchbody($imap, 4, '', $peek), $appended, "BODY[] of the appended message");
equal(imap_headerinfo($imap, 4)->MailDate, '26-Nov-2026 12:00:00 +0000',
      "APPEND's date is INTERNALDATE");

// --- COPY, MOVE, EXPUNGE ------------------------------------------------------------------
check(imap_mail_copy($imap, '1', 'Archive', CP_UID), "COPY", imap_last_error());
// c-client's move is COPY and STORE \Deleted; EXPUNGE then removes the message.
check(imap_mail_move($imap, '3', 'Archive', CP_UID), "move", imap_last_error());
equal(flags_on_disk($maildir, $message[3]), 'FT', "move: the INBOX file carries \\Deleted");
check(imap_expunge($imap), "EXPUNGE", imap_last_error());
equal(imap_num_msg($imap), 3, "three messages after EXPUNGE");
equal([imap_uid($imap, 3), imap_msgno($imap, 4)], [4, 3], "UIDs and message numbers");
$archive = array_values(maildir_files("$maildir/Archive"));
sort($archive);
$expected_archive = [$message[1], $message[3]];
sort($expected_archive);
equal($archive, $expected_archive, "Archive holds the copied and moved messages, byte for byte");

// CLOSE expunges: delete the appended message, close, and look at the maildir.
check(imap_delete($imap, '4', FT_UID), "STORE \\Deleted", imap_last_error());
check(imap_close($imap, CL_EXPUNGE), "CLOSE", imap_last_error());
$inbox = array_values(maildir_files($maildir));
sort($inbox);
$expected_inbox = [$message[1], $message[2]];
sort($expected_inbox);
equal($inbox, $expected_inbox, "CLOSE expunged the deleted message");
equal(imap_errors(), false, "no c-client errors left");

echo "server_php_imap.php: $passed checks passed, $failed failed\n";
exit($failed ? 1 : 0);
