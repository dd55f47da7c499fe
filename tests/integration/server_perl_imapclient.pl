#!/usr/bin/perl
# Perl's Mail::IMAPClient against imapkit_example_server: started by server_perl_imapclient.py,
# which seeds the maildir, starts the server and writes EXPECTED (JSON: port, user, password,
# maildir, the seeded messages and some of their sections, base64). Every value the client gets
# back is compared with those bytes or with the maildir's files.
#
#   server_perl_imapclient.pl EXPECTED.json
use strict;
use warnings;

use JSON::PP;
use MIME::Base64 qw(decode_base64);
use Mail::IMAPClient;
use Mail::IMAPClient::BodyStructure;

my ($passed, $failed) = (0, 0);

sub check {
    my ($ok, $what, $got) = @_;
    if ($ok) {
        $passed++;
    } else {
        $failed++;
        print STDERR "FAIL: $what\n";
        print STDERR "      got: ", (defined $got ? substr("$got", 0, 600) : 'undef'), "\n"
            if @_ > 2;
    }
    return $ok;
}

sub equal {
    my ($got, $expected, $what) = @_;
    my $same = defined $got && defined $expected ? $got eq $expected
                                                 : !defined $got && !defined $expected;
    return check($same, "$what (expected " . substr($expected // 'undef', 0, 200) . ")", $got);
}

sub same_list {
    my ($got, $expected, $what) = @_;
    return equal(join(' ', @$got), join(' ', @$expected), $what);
}

open my $fh, '<', $ARGV[0] or die "cannot read $ARGV[0]: $!";
my $expected = decode_json(do { local $/; <$fh> });
close $fh;
my $maildir = $expected->{maildir};
my %message = map { $_ => decode_base64($expected->{messages}{$_}) } keys %{$expected->{messages}};
my %section = map { $_ => decode_base64($expected->{sections}{$_}) } keys %{$expected->{sections}};

sub connect_client {
    my (%extra) = @_;
    # Uid: message ids are UIDs. Peek: fetching a body does not set \Seen behind our back.
    # Timeout: no read waits more than 30 s.
    return Mail::IMAPClient->new(Server => '127.0.0.1', Port => $expected->{port},
                                 User => $expected->{user}, Password => $expected->{password},
                                 Uid => 1, Peek => 1, Timeout => 30, %extra);
}

# The maildir files of a mailbox: { file name => bytes }.
sub maildir_files {
    my ($dir) = @_;
    my %files;
    for my $sub ('cur', 'new') {
        opendir my $dh, "$dir/$sub" or next;
        for my $name (grep { !/^\./ } readdir $dh) {
            open my $f, '<:raw', "$dir/$sub/$name" or die "$dir/$sub/$name: $!";
            $files{$name} = do { local $/; <$f> };
        }
    }
    return \%files;
}

# The maildir info letters of the file holding `bytes` in `dir` ("" when not there).
sub flags_on_disk {
    my ($dir, $bytes) = @_;
    my $files = maildir_files($dir);
    my @names = grep { $files->{$_} eq $bytes } sort keys %$files;
    return @names == 1 && $names[0] =~ /:2,([A-Z]*)$/ ? $1 : "(" . scalar(@names) . " files)";
}

# --- Login: LOGIN, AUTHENTICATE PLAIN, a wrong password --------------------------------------
my $imap = connect_client();
check($imap && $imap->IsAuthenticated, "LOGIN", $@) or die "cannot log in: $@\n";
my $plain = connect_client(Authmechanism => 'PLAIN');
check($plain && $plain->IsAuthenticated, "AUTHENTICATE PLAIN", $@);
$plain->logout if $plain;
my $wrong = Mail::IMAPClient->new(Server => '127.0.0.1', Port => $expected->{port},
                                  User => $expected->{user}, Password => 'wrong', Timeout => 30);
check(!$wrong && $@ =~ /NO \[AUTHENTICATIONFAILED\]/, "a wrong password is refused", $@);

check($imap->has_capability('IMAP4rev1'), "CAPABILITY has IMAP4rev1");
check($imap->has_capability('UIDPLUS'), "CAPABILITY has UIDPLUS");
equal($imap->separator, '/', "hierarchy delimiter");
my $namespace = $imap->namespace;
equal($namespace && $namespace->[0][0][1], '/', "NAMESPACE: personal namespace delimiter");

# --- Folders ------------------------------------------------------------------------------
same_list([sort $imap->folders], ['Archive', 'INBOX'], "LIST: the seeded mailboxes");
check($imap->create('Projects'), "CREATE Projects", $imap->LastError);
check($imap->create('Projects/2026'), "CREATE Projects/2026", $imap->LastError);
check($imap->create('My Folder'), "CREATE a name with a space", $imap->LastError);
check(-d "$maildir/Projects/2026/cur" && -d "$maildir/My Folder/cur",
      "CREATE made the maildir directories");
same_list([sort $imap->folders], ['Archive', 'INBOX', 'My Folder', 'Projects', 'Projects/2026'],
          "LIST after CREATE");
check($imap->is_parent('Projects'), "Projects has children (\\HasChildren)");
check(!$imap->is_parent('Archive'), "Archive has none");
same_list([$imap->folders('Projects/')], ['Projects/2026'], "LIST Projects/*");
check($imap->rename('Projects/2026', 'Projects/Done'), "RENAME", $imap->LastError);
check(-d "$maildir/Projects/Done/cur" && !-e "$maildir/Projects/2026",
      "RENAME moved the maildir directory");
check($imap->exists('Projects/Done') && !$imap->exists('Projects/2026'), "only the new name exists");
check($imap->unsubscribe('Projects/Done'), "UNSUBSCRIBE", $imap->LastError);
check(!grep({ $_ eq 'Projects/Done' } $imap->subscribed), "LSUB without the unsubscribed",
      join(' ', $imap->subscribed));
check($imap->subscribe('Projects/Done'), "SUBSCRIBE", $imap->LastError);
check(grep({ $_ eq 'Projects/Done' } $imap->subscribed), "LSUB with the subscribed",
      join(' ', $imap->subscribed));
check(!$imap->delete('Projects'), "DELETE of a mailbox with inferiors is refused");
check($imap->delete('Projects/Done') && $imap->delete('Projects') && $imap->delete('My Folder'),
      "DELETE", $imap->LastError);
check(!-e "$maildir/Projects" && !-e "$maildir/My Folder", "DELETE removed the directories");
same_list([sort $imap->folders], ['Archive', 'INBOX'], "LIST after DELETE");

# --- SELECT, STATUS, SEARCH ---------------------------------------------------------------
check($imap->examine('INBOX'), "EXAMINE INBOX", $imap->LastError);
check(!$imap->set_flag('Flagged', 1), "STORE in a mailbox opened read-only is refused");
check($imap->select('INBOX'), "SELECT INBOX", $imap->LastError);
equal($imap->message_count, 3, "SELECT: EXISTS");
equal($imap->uidvalidity('INBOX'), $expected->{uidvalidity}, "UIDVALIDITY as in .imapkit-uids");
equal($imap->uidnext('INBOX'), 4, "UIDNEXT");
same_list([$imap->messages], [1, 2, 3], "SEARCH ALL (UIDs)");
same_list([$imap->search('FROM', 'dave')], [2], "SEARCH FROM");
same_list([$imap->search('SUBJECT', 'Alternative parts')], [3],
          "SEARCH SUBJECT with a quoted string");
same_list([$imap->unseen], [2, 3], "SEARCH UNSEEN");
same_list([$imap->search('FLAGGED')], [3], "SEARCH FLAGGED");
same_list([$imap->search('LARGER', 1000)], [2], "SEARCH LARGER");
same_list([$imap->sentsince('24-Nov-2026')], [2, 3], "SEARCH SENTSINCE");
same_list([$imap->search('OR', 'FROM', 'alice', 'BODY', 'kumquats')], [1], "SEARCH OR");
same_list([$imap->search('TEXT', 'nowhere-to-be-found')], [], "SEARCH without a match");

# --- FETCH ----------------------------------------------------------------------------------
for my $uid (1, 2, 3) {
    # message_string also checks that RFC822.SIZE is the number of bytes BODY[] gave.
    equal($imap->message_string($uid), $message{$uid},
          "BODY.PEEK[] of UID $uid is the maildir file's bytes");
    equal($imap->size($uid), length $message{$uid}, "RFC822.SIZE of UID $uid");
}
my $headers = $imap->parse_headers(1, 'Subject', 'From', 'Cc', 'Message-ID');
equal($headers->{Subject}[0], 'Plain hello', "parse_headers: Subject");
equal($headers->{From}[0], 'Alice Example <alice@example.org>', "parse_headers: From");
equal($headers->{Cc}[0], 'Carol <carol@example.com>', "parse_headers: Cc");
equal($headers->{'Message-ID'}[0], '<plain@example.org>', "parse_headers: Message-ID");
equal($imap->subject(3), 'Alternative parts', "subject()");
equal($imap->bodypart_string(2, '1'), $section{'2:1'}, "BODY[1] of the multipart/mixed");
equal($imap->bodypart_string(2, '2'), $section{'2:2'}, "BODY[2] (base64 attachment)");
equal($imap->body_string(3), $section{'3:TEXT'}, "BODY[TEXT] of the multipart/alternative");
# Short section data with no line end: bodypart_string reads literals only (it returns "" for a
# quoted value), so the server writes message data as a literal however short; fetch_hash too.
equal($imap->bodypart_string(3, '2'), $section{'3:2'},
      "BODY[2] of the multipart/alternative (short: a literal)");
equal($imap->bodypart_string(3, '1'), $section{'3:1'},
      "BODY[1] of the multipart/alternative (short: a literal)");
my $short = $imap->fetch_hash(2, 'BODY.PEEK[1]<4.10>');
equal($short->{2}{'BODY[1]<4>'}, substr($section{'2:1'}, 4, 10), "BODY[1]<4.10>");

my $structure = $imap->get_bodystructure(2);
check($structure, "BODYSTRUCTURE of UID 2 parsed", $imap->LastError);
if ($structure) {
    equal(lc($structure->bodytype) . '/' . lc($structure->bodysubtype), 'multipart/mixed',
          "BODYSTRUCTURE: multipart/mixed");
    same_list([$structure->parts], ['1', '2'], "BODYSTRUCTURE: part numbers");
    my ($text, $attachment) = $structure->bodystructure;
    equal(lc($text->bodytype) . '/' . lc($text->bodysubtype), 'text/plain', "part 1 type");
    equal(lc $text->bodyparms->{charset}, 'utf-8', "part 1 charset");
    equal($text->bodysize, length $section{'2:1'}, "part 1 size");
    equal(lc($attachment->bodytype) . '/' . lc($attachment->bodysubtype),
          'application/octet-stream', "part 2 type");
    equal(lc $attachment->bodyenc, 'base64', "part 2 encoding");
    equal($attachment->bodysize, length $section{'2:2'}, "part 2 size");
    my $disposition = $attachment->bodydisp;
    check(ref $disposition eq 'HASH' && exists $disposition->{attachment}
          && $disposition->{attachment}{filename} eq 'report.bin',
          "part 2 disposition: attachment, filename report.bin");
    equal(decode_base64($imap->bodypart_string(2, $attachment->id)), $section{attachment},
          "the attachment decodes to its bytes");
}
my $single = $imap->get_bodystructure(1);
if (check($single, "BODYSTRUCTURE of UID 1 parsed", $imap->LastError)) {
    equal(lc($single->bodytype) . '/' . lc($single->bodysubtype), 'text/plain', "UID 1 type");
    equal($single->bodysize, length $section{'1:TEXT'}, "UID 1 body size");
    equal($single->textlines, 2, "UID 1 body lines");
}
my $envelope = $imap->get_envelope(1);
if (check($envelope, "ENVELOPE of UID 1 parsed", $imap->LastError)) {
    equal($envelope->subject, 'Plain hello', "ENVELOPE subject");
    equal($envelope->date, 'Mon, 23 Nov 2026 09:00:00 +0100', "ENVELOPE date");
    equal($envelope->messageid, '<plain@example.org>', "ENVELOPE message-id");
    same_list([$envelope->from_addresses], ['Alice Example <alice@example.org>'],
              "ENVELOPE from");
    same_list([$envelope->cc_addresses], ['Carol <carol@example.com>'], "ENVELOPE cc");
}
my $fast = $imap->fetch_hash('RFC822.SIZE', 'INTERNALDATE', 'FLAGS');
for my $uid (1, 2, 3) {
    equal($fast->{$uid}{'RFC822.SIZE'}, length $message{$uid}, "fetch_hash RFC822.SIZE $uid");
    equal($fast->{$uid}{INTERNALDATE}, $expected->{internaldates}{$uid},
          "fetch_hash INTERNALDATE $uid (the file's mtime)");
}
equal($fast->{1}{FLAGS}, '\\Seen', "fetch_hash FLAGS 1");
equal($fast->{2}{FLAGS}, '', "fetch_hash FLAGS 2: the peeks left it unseen");
equal($fast->{3}{FLAGS}, '\\Flagged', "fetch_hash FLAGS 3");

# --- Flags ----------------------------------------------------------------------------------
check($imap->set_flag('Flagged', 2) && $imap->see(2), "STORE +FLAGS", $imap->LastError);
same_list([sort @{$imap->flags(2)}], ['\\Flagged', '\\Seen'], "FLAGS after STORE");
equal(flags_on_disk($maildir, $message{2}), 'FS', "STORE renamed the file to :2,FS");
check($imap->unset_flag('Flagged', 2), "STORE -FLAGS", $imap->LastError);
check($imap->set_flag('$Todo', 2), "STORE a keyword", $imap->LastError);
same_list([sort @{$imap->flags(2)}], ['$Todo', '\\Seen'], "FLAGS with the keyword");
same_list([$imap->search('KEYWORD', '$Todo')], [2], "SEARCH KEYWORD");
equal(flags_on_disk($maildir, $message{2}), 'S', "STORE -FLAGS renamed the file to :2,S");

# --- APPEND ---------------------------------------------------------------------------------
# append_string turns LF line ends into CRLF: the server must hold the CRLF text.
my $appended_text = "From: Perl <perl\@example.org>\nSubject: appended by Mail::IMAPClient\n"
                  . "Date: Thu, 26 Nov 2026 12:00:00 +0000\n\nLine one.\nLine two, caf\xc3\xa9.\n";
(my $appended = $appended_text) =~ s/\n/\r\n/g;
my $appended_uid = $imap->append_string('INBOX', $appended_text, '\\Draft',
                                        '26-Nov-2026 12:00:00 +0000');
equal($appended_uid, 4, "APPEND: the APPENDUID is the UIDNEXT");
equal(flags_on_disk($maildir, $appended), 'D', "APPEND wrote the file with :2,D");
equal($imap->message_count, 4, "EXISTS after APPEND");
equal($imap->message_string(4), $appended, "BODY[] of the appended message");
equal($imap->internaldate(4), '26-Nov-2026 12:00:00 +0000', "APPEND's date is INTERNALDATE");

# --- COPY, MOVE, EXPUNGE ------------------------------------------------------------------
equal(scalar $imap->copy('Archive', 1), '1', "COPY: the COPYUID names UID 1 in Archive");
check(grep({ $_ eq $message{1} } values %{maildir_files("$maildir/Archive")}),
      "COPY wrote the message's bytes into Archive");
check($imap->tag_and_run('UID MOVE 3 Archive'), "UID MOVE", $imap->LastError);
same_list([$imap->messages], [1, 2, 4], "UID MOVE took UID 3 out of INBOX");
equal(scalar $imap->move('Archive', 4), '3', "move() (COPY and \\Deleted): UID 3 in Archive");
check($imap->expunge, "EXPUNGE", $imap->LastError);
same_list([$imap->messages], [1, 2], "EXPUNGE removed the moved message");
my $archive = maildir_files("$maildir/Archive");
same_list([sort values %$archive], [sort($message{1}, $message{3}, $appended)],
          "Archive holds the copied and moved messages, byte for byte");
check($imap->delete_message(2) && $imap->uidexpunge(2), "UID EXPUNGE", $imap->LastError);
same_list([$imap->messages], [1], "UID EXPUNGE removed UID 2");
check(!grep({ $_ eq $message{2} } values %{maildir_files($maildir)}),
      "UID EXPUNGE removed the file");
my $status = join '', $imap->status('Archive', 'MESSAGES', 'UIDNEXT');
check(index($status, 'MESSAGES 3 UIDNEXT 4') >= 0, "STATUS Archive", $status);

# --- IDLE: another connection appends and flags while this one idles ------------------------
if (check($imap->has_capability('IDLE'), "CAPABILITY has IDLE")) {
    my $other = connect_client();
    check($other && $other->select('INBOX'), "a second connection selects INBOX");
    my $tag = $imap->idle;
    check($tag, "IDLE", $imap->LastError);
    my $other_uid = $other->append_string('INBOX', "Subject: during idle\n\nhello\n");
    $other->set_flag('Answered', 1);
    my @seen;
    for (1 .. 20) {    # until both updates arrived, at most 20 x 0.5 s
        push @seen, @{$imap->idle_data(0.5) || []};
        last if grep(/EXISTS/, @seen) && grep(/FETCH.*\\Answered/, @seen);
    }
    check(grep(/^\* 2 EXISTS/, @seen), "IDLE reported the other connection's APPEND", "@seen");
    check(grep(/^\* 1 FETCH \(.*FLAGS \([^)]*\\Answered/, @seen),
          "IDLE reported the other connection's flag change", "@seen");
    check($imap->done($tag), "DONE", $imap->LastError);
    equal($other_uid, 5, "the other connection's APPENDUID");
    $other->logout;
}

check($imap->close, "CLOSE", $imap->LastError);
check($imap->logout, "LOGOUT", $imap->LastError);
print "server_perl_imapclient.pl: $passed checks passed, $failed failed\n";
exit($failed ? 1 : 0);
