"""Every heuristic number of cleaner, named after the way it points, with its source.

Stages import their numbers from here; :class:`cleaner.options.CleanOptions` takes its
defaults from here, so the library, the CLI and the HTTP service share one source of truth.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Input limits (library-level; the service and the CLI may set tighter ones)

# Bytes sampled from the head of a document when ranking legacy-charset candidates.
# charset-normalizer itself reads in chunks; 64 KiB keeps detection bounded on huge files.
DETECT_SAMPLE_BYTES = 64 * 1024

# ---------------------------------------------------------------------------------------
# Pipeline

# Repair and recovery run again while a round still changes the text (a fix can uncover
# another), at most this many rounds. Three covers triple-layer mojibake, the deepest kind
# seen in practice; guess.
MAX_REPAIR_ROUNDS = 3

# ---------------------------------------------------------------------------------------
# Lossy recovery

# Texts at least this long are weighed for recovery only when they show damage inside a word
# (``Çavu?o?lu``, ``?ivot``, ``na? jezik``) or a U+FFFD; shorter ones (a line of names) always
# are. Guess: an 8-bit round trip of prose loses letters inside words long before 500
# characters; question marks at word edges are punctuation in articles.
MIN_CHARS_FOR_DAMAGE_GATE = 500

# In such a long text, question marks ending a word before a lower-case word (``na? jezik``)
# count as damage from this many on; one is a question that goes on (``is it? image``). Guess.
MIN_EDGE_DAMAGE_MARKS = 3

# A recovered word is written back only when the chosen candidate's confidence reaches
# this (a wrong letter is worse than a `?`). Measured on synthetic lossy round trips of
# multilingual text: recoveries at 0.6 and above are right about 19 times in 20, those
# between 0.6 and 0.7 about 2 in 3, those between 0.5 and 0.6 fewer than half.
MIN_RECOVERY_CONFIDENCE = 0.6

# ---------------------------------------------------------------------------------------
# Boilerplate removal

# Lines scored at or above this probability of being boilerplate are dropped.
# Guess, tuned on the seed document (losing article text is the worst failure).
BOILERPLATE_THRESHOLD = 0.5

# ---- boilerplate
# Numbers of the line classifier in boilerplate.py (a jusText-style ladder plus the search
# for the densest region of article lines). Sizes are in "characters" where a CJK
# character counts CJK_CHAR_WEIGHT times (one CJK character carries about as much as a
# three-letter Latin syllable group). Unless said otherwise: guesses, checked on the seed
# and on synthetic pages in tests/test_boilerplate.py and on scraped pages.

# A document is treated as a scraped page (and lines may be dropped) only with at least
# this many non-blank lines and this many blank-line-separated blocks; anything smaller is
# returned unchanged ("a single paragraph or no page structure keeps its content").
MIN_PAGE_LINES = 8
MIN_PAGE_BLOCKS = 5
# ... and when at most this share of its lines are markup ("<entry>", "<url>...</url>"): a
# feed or an XML file is not page text. Scraped pages have almost none.
MAX_MARKUP_LINE_SHARE = 0.2
# A rebuilt page is judged again, at most this many passes in all, so that cleaning the
# output again changes nothing (2 passes reach that on most pages, 3 on all but a few).
MAX_BOILERPLATE_PASSES = 3
# Weight of one CJK character in a line's size (see above).
CJK_CHAR_WEIGHT = 3
# jusText's LENGTH_LOW / LENGTH_HIGH (70 / 200 characters): below MIN_NEARGOOD_CHARS a
# line is short; at MIN_GOOD_CHARS and above a stopword-rich line is good.
MIN_NEARGOOD_CHARS = 70
MIN_GOOD_CHARS = 200
# Stopword density (share of a line's words among its language's STOPWORDS_PER_LANGUAGE
# most frequent words). jusText uses 0.30 / 0.32 with hand-made stoplists; with wordfreq's
# top 200 words article prose sits around 0.45 and menus around 0.15 (measured on
# scraped English pages), so the bounds are a little lower.
MIN_GOOD_STOPWORD_DENSITY = 0.30
MIN_NEARGOOD_STOPWORD_DENSITY = 0.20
# A long line whose stopword density is below this is a keyword or link list, not prose.
MAX_LIST_STOPWORD_DENSITY = 0.10
# ... when at least this share of its words are capitalised (names and section titles).
MIN_LIST_CAPITALISED_SHARE = 0.5
# A language takes part in the stopword density of lines when its stopwords account for at
# least this share of the votes of the page's best language (an article in one language
# inside page chrome in English keeps its own stopwords).
MIN_LANGUAGE_VOTE_SHARE = 0.25
# Prose lines those languages leave unexplained vote for their own best language; one
# that wins at least this many lines joins in.
MIN_LANGUAGE_LINES = 2
# Contributions to the body search (maximum-sum contiguous region): a good line adds its
# size / BODY_CHARS_PER_POINT (capped at MAX_GOOD_LINE_POINTS), a near-good line adds
# NEARGOOD_LINE_POINTS, a short line costs SHORT_LINE_POINTS, a recognised chrome line
# costs CHROME_LINE_POINTS. A menu of 25 short items outweighs a 1000-character teaser.
BODY_CHARS_PER_POINT = 100
MAX_GOOD_LINE_POINTS = 10.0
NEARGOOD_LINE_POINTS = 0.3
SHORT_LINE_POINTS = -0.4
CHROME_LINE_POINTS = -1.0
# A good line that follows other good lines (near-good lines and short prose in between
# allowed) earns PROSE_RUN_BONUS more per preceding good line, up to MAX_PROSE_RUN.
PROSE_RUN_BONUS = 2.0
MAX_PROSE_RUN = 2
# The first prose line within MAX_HEADER_LINES lines under a byline or dateline earns
# this many points more: that is where articles start.
BYLINE_BONUS_POINTS = 2.0
# A short line with at least MIN_SHORT_PROSE_WORDS words and near-good stopword density
# (a subheading, a list item, a caption) costs only SHORT_PROSE_POINTS: menus are made of
# nouns, article furniture of sentence words.
MIN_SHORT_PROSE_WORDS = 4
SHORT_PROSE_POINTS = 0.0
# After a line ending with ":" (an intro to a list or table), up to MAX_LIST_ITEMS short
# lines cost only LIST_ITEM_POINTS each.
MAX_LIST_ITEMS = 40
LIST_ITEM_POINTS = -0.05
# A short line with digits or punctuation inside (a list item, a table cell) costs only
# SHORT_DATA_POINTS; link labels are plain words.
SHORT_DATA_POINTS = -0.15
# After the search, the body is widened over gaps of at most this many lines to further
# good prose (an article split by an advertisement or a photo with its credit).
MAX_BODY_GAP_LINES = 6
# ... and only to a line of at least this size.
MIN_BODY_EXTENSION_CHARS = 200
# A table right above or below the body joins it: among the plain lines there (at
# most MAX_TABLE_LINES), at least MIN_TABLE_ROWS rows and MIN_TABLE_ROW_SHARE of them
# with the same punctuation ("Name (Group A): 10th appearance"). Guesses, checked on
# scraped news pages with result lists; lists of related headlines share no pattern.
MAX_TABLE_LINES = 150
MIN_TABLE_ROWS = 4
MIN_TABLE_ROW_SHARE = 0.75
# A long line with more than this share of digits is not counted as prose when looking for
# the body (contact blocks, score tables); prose rarely has more than 5 %.
MAX_GOOD_DIGIT_SHARE = 0.08
# A teaser is a line ending with an ellipsis, or a title cut off by one ("Ambitious film
# is… As is often") within this many characters of its start.
MAX_TEASER_TITLE_CHARS = 150
# Lines of at most this many words are "short labels" (59 % of boilerplate lines of
# scraped news pages have three words or fewer).
MAX_LABEL_WORDS = 3
# A label phrase marks a line as its category when the line has at most this many words
# (longer lines that merely start with "Share" or "Follow" are sentences).
MAX_LABELLED_LINE_WORDS = 10
# A marker phrase ("all rights reserved") drops a line inside the body only when the
# line is shorter than this (a long paragraph that mentions cookies is article text).
MAX_IN_BODY_MARKER_CHARS = 300
# Title, dateline and byline: up to this many non-blank lines right before the body are
# examined; the title has at most MAX_TITLE_WORDS words.
MAX_HEADER_LINES = 3
# ... skipping share buttons and other labels, up to this many lines back.
MAX_HEADER_SCAN_LINES = 12
MAX_TITLE_WORDS = 30
MIN_TITLE_WORDS = 2
# Source credits: up to this many non-blank lines right after the body are examined,
# each of at most MAX_CREDIT_WORDS words.
MAX_TRAILER_LINES = 3
MAX_CREDIT_WORDS = 12
# A copyright line that is the first line after the body is the article's rights notice
# (kept) when it has at least this many characters: an agency's notice adds a sentence
# on republication (about 150 characters), a site's footer line ("(c) 2012 Example Media.
# All rights reserved.") has about 50. Guess, checked on scraped agency news pages.
MIN_RIGHTS_NOTICE_CHARS = 100
# Confidence (boilerplate score, compared with BOILERPLATE_THRESHOLD) of each decision.
LABEL_CONFIDENCE = 0.95
MARKER_CONFIDENCE = 0.9
MENU_RUN_CONFIDENCE = 0.85
OUTSIDE_SHORT_CONFIDENCE = 0.8
OUTSIDE_NEARGOOD_CONFIDENCE = 0.7
OUTSIDE_GOOD_CONFIDENCE = 0.55
REPEATED_IN_BODY_CONFIDENCE = 0.7
IN_BODY_SHORT_CONFIDENCE = 0.3
# A navigation or form label inside the body ("Close", "Email", "Most popular"): usually
# page furniture, but a one-word subheading can look the same.
IN_BODY_LABEL_CONFIDENCE = 0.6
HEADER_CONFIDENCE = 0.25
COMMENT_SECTION_CONFIDENCE = 0.75
# A comment-section heading ends the body only after this much prose ("Comments" links
# near the byline are not the comment section).
MIN_PROSE_LINES_BEFORE_COMMENTS = 2
MIN_PROSE_CHARS_BEFORE_COMMENTS = 400
# After that prose, this many short lines with a date and a time of day in the body are a
# comment thread without a heading.
MIN_COMMENT_TIMESTAMPS = 3
EMPTY_CONFIDENCE = 1.0
USER_PHRASE_CONFIDENCE = 1.0

# ---- dedupe
# Keys (case-folded words) shorter than this are never compared: "Yes" twice is dialogue.
MIN_DUPLICATE_KEY_CHARS = 4
# A near duplicate is contained in a longer line at most this many lines away (alt text
# next to its caption) and is at least this share of that line's length.
MAX_NEAR_DUPLICATE_DISTANCE = 2
MIN_NEAR_DUPLICATE_SHARE = 0.5
# ... and has a key of at least this many characters (a subheading "Fraps" next to the
# image "fraps.jpg" is not a copy of it).
MIN_NEAR_DUPLICATE_KEY_CHARS = 20
DUPLICATE_CONFIDENCE = 0.95
NEAR_DUPLICATE_CONFIDENCE = 0.8
# ---------------------------------------------------------------------------------------
# ---- repair (mojibake)

# Layers of mojibake undone at most (UTF-8 read through a charset, then again ...).
# Three covers every multi-layer case seen in practice; each layer costs a pass per charset.
MAX_MOJIBAKE_LAYERS = 3

# Readings kept per layer when searching multi-layer chains (the least implausible ones).
# Guess, tuned on hand-made cases in tests/cases: 8 keeps the right chain for 3 layers.
MOJIBAKE_BEAM_WIDTH = 8

# A repair must lower a line's implausibility by at least this much. One unit is one
# weird sequence; guess, tuned on tests/cases/negative.json (clean text must not change).
MIN_MOJIBAKE_COST_DROP = 1.0

# Weight of one ftfy badness match and of one rare character (C1 control, box drawing,
# U+FFFD) in the implausibility score, against 1 per symbol-in-word or case flip and 2 per
# script change inside a word. Guess, tuned on tests/cases.
MOJIBAKE_BADNESS_WEIGHT = 2
MOJIBAKE_RARE_CHAR_WEIGHT = 2

# Lossy mojibake (lost undefined bytes) is tried for the first charsets of
# chardata.REPAIR_CHARSETS only: the Windows and Latin ones whose undefined bytes get lost.
MAX_LOSSY_CHARSETS = 4

# ---- detect
# Numbers of the bytes->str door (detect.py). Unless said otherwise: guesses, checked on
# hand-made texts in tests/test_detect.py and on short legacy-charset samples of news and
# encyclopedia prose in 40 languages.

# UTF-16/32 without a byte order mark: the bytes are read as UTF-16 when at least this
# share of the high bytes (every second byte) are NUL (the ASCII letters, digits and spaces
# of the text; 0.05 still catches Cyrillic prose, where only spaces and punctuation are
# ASCII) and the other parity holds at most MAX_UTF16_OTHER_PARITY_NUL_RATIO times as many.
MIN_UTF16_NUL_SHARE = 0.05
MAX_UTF16_OTHER_PARITY_NUL_RATIO = 0.1
# UTF-32: the top byte of each unit is always NUL, the plane byte at least this often.
MIN_UTF32_PLANE_NUL_SHARE = 0.9
# A UTF-16/32 reading is accepted only if at most this share of its characters are
# control, unassigned or private-use characters (random bytes with NULs give many).
MAX_UTF16_BAD_CHAR_SHARE = 0.01
# Ranking reads at most this many whitespace-separated chunks holding non-ASCII text
# (about 10 KB of prose); ASCII chunks decode the same under every candidate.
MAX_SCORED_CHUNKS = 1500
# ... and at most MAX_SCORED_CHARS characters of them, each chunk cut to
# MAX_SCORED_CHUNK_CHARS (a CJK sentence is one chunk; a run of 64 KB without spaces is
# judged by its head).
MAX_SCORED_CHARS = 20000
MAX_SCORED_CHUNK_CHARS = 300
# Tags and entities cut out before judging words: a tag of at most MAX_TAG_CHARS between
# its brackets, an entity name of at most MAX_ENTITY_CHARS (bounded: a linear scan).
MAX_TAG_CHARS = 200
MAX_ENTITY_CHARS = 10
# EBCDIC code pages are tried when at least this share of the bytes is the EBCDIC space
# (0x40, "@" in ASCII; prose has a space every five to seven letters).
MIN_EBCDIC_SPACE_SHARE = 0.1
# Plausibility of one decoding = WORD_WEIGHT * word score + ALPHABET_WEIGHT * alphabet fit
# - BAD_CHAR_WEIGHT * share of control/unassigned characters. Word score: a chunk found in
# the lexicon counts 1, an unknown but well-formed word UNKNOWN_WORD_VALUE, a word of a
# language without a lexicon NO_LEXICON_WORD_VALUE, a malformed chunk (symbol inside a
# word, mixed scripts, case flips) 0, a chunk without letters 1.
WORD_WEIGHT = 0.6
ALPHABET_WEIGHT = 0.4
BAD_CHAR_WEIGHT = 1.0
UNKNOWN_WORD_VALUE = 0.25
NO_LEXICON_WORD_VALUE = 0.6
# A chunk of symbols without letters (box drawing, maths signs) is worth this much: real
# text has a few, a DOS code page applied to the wrong bytes makes many.
SYMBOL_CHUNK_VALUE = 0.2
# Ties between different decodings go to the more common charset: each step down
# charsets.LEGACY_CHARSETS costs CHARSET_RANK_PENALTY (the whole table: about 0.03), a
# charset only charset-normalizer proposed costs RARE_CHARSET_PENALTY.
CHARSET_RANK_PENALTY = 0.0005
RARE_CHARSET_PENALTY = 0.05
# Decodings are checked against lexicons best form first, until none left could beat the
# best score, but at most MAX_DETECT_LEXICON_CANDIDATES of them, each in at most
# MAX_DETECT_LEXICON_LANGUAGES languages whose alphabet fits within LANGUAGE_FIT_MARGIN of
# the best fit; this bounds the lexicons loaded per document (a Latin text with few
# accents has a dozen well-formed readings: Hungarian "es\u0151", Czech "es\u010d", ...).
MAX_DETECT_LEXICON_CANDIDATES = 12
# Candidates listed in the decoding report (the rest score near zero).
MAX_REPORTED_CANDIDATES = 5
# A chunk without letters (a dash, a number with a unit, a word in quotes of a Latin word)
# is worth a little less than a known word, so that letters read as punctuation never win
# a tie ("es\u2039" for "es\u0151").
NEUTRAL_CHUNK_VALUE = 0.9
# A one-letter word counts as known only when this frequent (zipf 5: Italian "\u00e8",
# Russian "\u0432"); rare ones ("\u0161" in Finnish) are mostly letters of a wrong charset.
MIN_ONE_LETTER_WORD_FREQUENCY = 1e-4
# A lexicon word counts from nothing at zipf MIN_KNOWN_WORD_ZIPF to fully known at
# FULL_KNOWN_WORD_ZIPF: the long tail of wordfreq's large lists holds typos and mojibake
# (Czech "es\u010d" at zipf 1.5), real rare words sit around 2-3 (Icelandic surnames 3.0).
MIN_KNOWN_WORD_ZIPF = 1.5
FULL_KNOWN_WORD_ZIPF = 3.0
# A word the lexicon does not know (a name, a street) still earns up to this share of a
# known word when every letter pair around its non-ASCII letters occurs in the language's
# words of at least MIN_LETTER_PAIR_WORD_FREQUENCY (zipf 3, some tens of thousands of
# words): Croatian "\u010dk" is usual, Spanish "i\u00fc" is not.
LETTER_PAIR_CREDIT = 0.4
MIN_LETTER_PAIR_WORD_FREQUENCY = 1e-6
# The language of clean UTF-8 is guessed from the letters of this many characters at its
# head (about a paragraph; the guess costs about a millisecond).
MAX_LANGUAGE_GUESS_CHARS = 2000
MAX_DETECT_LEXICON_LANGUAGES = 8
# Chinese and Japanese runs count as fully known when at least this share of their
# character pairs are lexicon words (prose measured at 0.4-0.6; a wrong CJK charset
# gives under 0.1).
MIN_CJK_KNOWN_PAIR_SHARE = 0.4
# UTF-16 without a mark and without a clear NUL pattern (Thai, CJK) is accepted when its
# reading is at least this plausible (random bytes read as UTF-16 give rare CJK, ~0.3).
MIN_UTF16_SCORE = 0.7
# A Korean word is known when the lexicon knows it without its last one or two syllables
# (particles, endings) and what is left has at least this many syllables.
MIN_KOREAN_STEM_SYLLABLES = 2
# At most this many non-ASCII quotation marks and dashes on one side of a word (a quote
# and a nested quote); more are letters read in the wrong charset.
MAX_EDGE_PUNCTUATION = 2
LANGUAGE_FIT_MARGIN = 0.1
# Han text is Japanese when at least this share of its letters are kana (hangul is a
# script of its own: Korean).
MIN_KANA_SHARE = 0.05
# Below this plausibility the best decoding is reported as a best effort.
MIN_DETECTED_SCORE = 0.35
# Confidence of a detected charset grows with the score gap to the next different
# decoding, from MIN_GAP_CONFIDENCE_FACTOR times the score (a tie) to the score itself
# (a gap of DECISIVE_SCORE_GAP or more).
DECISIVE_SCORE_GAP = 0.2
MIN_GAP_CONFIDENCE_FACTOR = 0.5
# ... and with the evidence: n non-ASCII chunks give n / (n + HALF_EVIDENCE_CHUNKS) of it
# (one word: half, ten words: 0.9).
HALF_EVIDENCE_CHUNKS = 1
# Confidence of a decoding that a byte order mark or a clean UTF-8 decode decided.
BOM_CONFIDENCE = 1.0
UTF8_CONFIDENCE = 1.0
# A document that is UTF-8 but for an incomplete last character (cut in transit).
TRUNCATED_UTF8_CONFIDENCE = 0.95
# UTF-16/32 recognised by its NUL pattern, and ISO-2022 text that decoded strictly with
# its escape sequences: structural evidence, a little short of a byte order mark.
UTF16_PATTERN_CONFIDENCE = 0.95
ESCAPE_CHARSET_CONFIDENCE = 0.95

# ---- recover

# Enumeration caps (they bound the work per damaged word; beyond them the word is left).
# Fillings tried per damaged word (product of the per-hole letter choices, summed over
# the languages tried). Guess: covers three holes of a 15-letter alphabet or two holes of
# Vietnamese tone letters.
MAX_RECOVERY_CANDIDATES = 20000
# Holes per damaged word; more means the word is mostly lost. Guess.
MAX_RECOVERY_HOLES = 6
# Holes per word when looking for its accent-less copy in the document (30 folds a hole).
MAX_EVIDENCE_HOLES = 3
# Longest token (code points) considered a word. Longer runs are not words.
MAX_RECOVERY_TOKEN_CHARS = 64
# Damaged words examined per document (keeps 1 MB of damage linear and bounded).
MAX_RECOVERY_WORDS = 20000
# Intact tokens sampled to tell the document's language.
MAX_RECOVERY_SAMPLE_TOKENS = 50000

# Language choice. Languages whose lexicons are consulted per script.
MAX_RECOVERY_LANGUAGES = 2
# A runner-up language is consulted when its score reaches this share of the best one.
MIN_LANGUAGE_SCORE_RATIO = 0.6
# A language is ruled out when more than this share of the document's non-ASCII letters
# (of its script) are letters it does not write. Guess; leaves room for loanwords.
MAX_FOREIGN_LETTER_SHARE = 0.1
# ... its stop-word score is then multiplied by this (and lowered by one). Guess.
FOREIGN_LETTER_SCORE_FACTOR = 0.1
# Damaged words read to vote on the language when the intact words do not tell it, and
# the total vote a language needs to be used. Guesses.
MAX_LANGUAGE_VOTE_WORDS = 200
MIN_LANGUAGE_VOTE_CONFIDENCE = 0.5
# Vote of an intact word, shared among the languages whose short lexicon knows it (a word
# only Hungarian knows gives Hungarian all of it). Guess: one word that names its language
# outweighs one damaged word's reading.
LANGUAGE_VOTE_PER_KNOWN_WORD = 1.0
# Intact words' votes a language none of the damaged words was read in needs to be counted
# (and to beat the best reading). Guess: two words of its own, so one surname cannot.
MIN_INTACT_VOTES_TO_OVERRULE = 2.0
# Intact words shorter than this do not vote (``a``, ``i``, ``o`` are words everywhere).
MIN_VOTING_WORD_LETTERS = 2
# Intact letters a damaged word needs to vote (``s?`` is a word in a dozen languages).
MIN_LANGUAGE_VOTE_LETTERS = 3
# When more languages than MAX_RECOVERY_LANGUAGES tie on stop words, up to
# MAX_TIED_LANGUAGES of them are told apart by how many of the document's
# MAX_TIE_BREAK_WORDS most frequent intact words their short lexicons know.
MAX_TIED_LANGUAGES = 6
MAX_TIE_BREAK_WORDS = 300
# A stop word counts at most this many times (a list of "de de de" is not French), and
# each non-ASCII letter of the text adds this weight times 1 / (number of languages that
# write it) to those languages. Guesses.
MAX_STOP_WORD_HITS_PER_WORD = 3
LANGUAGE_LETTER_EVIDENCE_WEIGHT = 2.0
# Occurrences of a language's stop words needed before its lexicon alone is trusted;
# below it, names are also looked up in every language's short lexicon. Guess.
MIN_RECOVERY_STOP_WORD_HITS = 2

# Candidate scores are zipf frequencies (log10 per billion words) plus evidence terms.
# The same word intact elsewhere in the document. Guess: as good as a common word.
RECOVERY_SAME_WORD_BONUS_ZIPF = 3.0
# Its accent-less spelling elsewhere (``Cavusoglu`` for ``Çavu?o?lu``). Guess.
RECOVERY_FOLDED_WORD_BONUS_ZIPF = 2.5
# ... counted only for words at least this long (short words share their folds: ``a``
# is ``à`` and ``á`` folded). Guess.
MIN_FOLDED_EVIDENCE_CHARS = 4
# Letters no single language writes together (``ș`` with ``ğ``). Guess.
RECOVERY_INCOHERENT_PENALTY_ZIPF = 1.5
# Words recovered from a ``?`` inside them before a lone ``?`` between two lower-case
# words is read as a lost letter too. Guess: one could be chance, two are a pattern.
MIN_LOSSY_EVIDENCE_WORDS = 2
# Prior for "a ``?`` at the edge of a word is a real question mark": the word without it
# gets this much on top of its own frequency, in a text where other words lost letters
# inside them (there most ``?`` are lost letters). Guess, tuned on hand-made questions.
RECOVERY_QUESTION_MARK_PRIOR_ZIPF = 0.5
# ... and for a ``?`` at a word edge followed by a lower-case word (``n? scene``, ``vous
# ?tes``) in a text without inner damage: a question rarely goes on in lower case, so the
# word without the letter must be ten times commoner than the filled word. Guess.
MID_SENTENCE_QUESTION_MARK_PRIOR_ZIPF = -1.0
# A ``?`` opening or closing a word is read as a lost quotation mark only when the bare
# word beats every filling by this much (``?to``: ``to`` 6.7 against ``što`` 6.67 is a lost
# letter). Guess: a factor of ten.
MIN_QUOTE_WORD_LEAD_ZIPF = 1.0
# An elision no lexicon lists whole (``qu’il``: wordfreq splits it) scores as its rarer
# part less this. Guess: ``l’a`` (parts 7.3) must not outscore ``là`` (6.3) on its own.
ELISION_PENALTY_ZIPF = 1.0
# In a text where no word lost a letter inside it, a ``?`` at the edge of a word is still
# weighed as a lost letter when the word filled with one is at least this much more common
# (Zipf) than the word without it (``perch?``: ``perché`` 6.2, ``perch`` 3.3). Guess: two
# orders of magnitude; real questions end in ordinary words that no letter makes commoner.
MIN_LOST_LETTER_ZIPF_MARGIN = 2.0
# A damaged word whose fillings are no lexicon word is read as a compound (street names:
# ``Åkervägen`` = ``åker`` + ``vägen``) when it has at most MAX_COMPOUND_CANDIDATES
# fillings, of at most MAX_COMPOUND_PARTS parts, each at least MIN_COMPOUND_PART_CHARS
# letters (shorter parts match by chance; every part but the last, at least
# MIN_COMPOUND_HEAD_CHARS: the last is often a short ``weg``, ``vej``) and at least
# MIN_COMPOUND_PART_ZIPF common; the compound scores as its rarest part less
# COMPOUND_PENALTY_ZIPF. Guesses; the cap bounds the look-ups (about a word's length
# squared per filling).
MAX_COMPOUND_CANDIDATES = 200
# A word with more fillings than that (``\ufffde\ufffdmeba\ufffd\ufffd``) is split in two
# parts, each with holes looked up by its shape; the first MAX_COMPOUND_CANDIDATES fillings
# so found are weighed.
MAX_COMPOUND_PARTS = 3
MIN_COMPOUND_PART_CHARS = 3
MIN_COMPOUND_HEAD_CHARS = 4
MIN_COMPOUND_PART_ZIPF = 2.0
COMPOUND_PENALTY_ZIPF = 1.0
# Confidence rises from 0 at MIN to full strength at FULL (scores of the best filling).
# Guess: zipf 1 is a rare name, zipf 2.5 a plain word of a full lexicon.
MIN_RECOVERY_SCORE_ZIPF = 0.5
FULL_RECOVERY_SCORE_ZIPF = 2.5
# A word known only to the runner-up language scores this much less. Guess.
RECOVERY_RUNNER_UP_PENALTY_ZIPF = 1.0
# Words no lexicon knows (names) are filled by letter-trigram plausibility of the
# document's language, trained on its MAX_LETTER_MODEL_WORDS most frequent words; such a
# guess is never more confident than MAX_SPELLING_CONFIDENCE times the winning filling's
# share, and at most MAX_SPELLING_CANDIDATES fillings are compared. Guesses.
MAX_LETTER_MODEL_WORDS = 60000
# The letter model counts n-grams of up to LETTER_MODEL_ORDER letters and interpolates
# them; a context seen c times is trusted c / (c + LETTER_MODEL_CONTEXT_DAMPING), the rest
# goes to the shorter context, down to a uniform LETTER_MODEL_ALPHABET_SIZE letters.
# Measured on damaged names and rare words of 15 languages (fillings of ?-holes in words
# no lexicon lists): order 4 picks the right filling 22 times in 32, order 3 (and the
# former add-k trigrams) 14 times; order 5 no better than 4.
LETTER_MODEL_ORDER = 4
LETTER_MODEL_CONTEXT_DAMPING = 5.0
LETTER_MODEL_ALPHABET_SIZE = 40
MAX_SPELLING_CONFIDENCE = 0.9
MAX_SPELLING_CANDIDATES = 2000
# Beyond that many fillings, the holes are filled from the left keeping this many best
# beginnings (a beam search over the letter model). Guess: a word rarely has more than a
# handful of plausible spellings at any point.
SPELLING_BEAM_WIDTH = 40
# ... and only when the winning filling takes at least this share of the trigram
# likelihood. Guess.
# (On the same words, fillings the order-4 model gives at least 0.9 were right 13 times
# in 15.)
MIN_SPELLING_SHARE = 0.9
# A word whose first letter was lost, after a capitalised word, gets a capital unless it
# is at least this common in lower case (then it is an ordinary word, not a name). Guess.
MIN_COMMON_WORD_ZIPF = 3.0
# A word of another language than the document's (a foreign name in an address) found
# in that language's short lexicon scores this much less than its zipf there. Guess.
RECOVERY_FOREIGN_WORD_PENALTY_ZIPF = 1.0
# ... and only for words with at least this many intact letters (``k?`` could be
# anything in some language). Guess.
MIN_FOREIGN_WORD_LETTERS = 3
# Confidence reported for a pair of ``?`` read as lost quotation marks (``?word ... word?``
# in a text without intact curly quotes). Guess: the pattern is rare in clean text.
QUOTE_PAIR_CONFIDENCE = 0.8
# Confidence reported for a lone ``?``/U+FFFD between spaces read as a lost dash, in a
# text whose words demonstrably lost letters. Guess: as sure as a quotation-mark pair.
LOST_DASH_CONFIDENCE = 0.8
# Confidence reported for a U+FFFD between a number and a word read as a lost no-break
# space (legacy bytes only: A0 in every 8-bit Latin charset). Guess.
LOST_NBSP_CONFIDENCE = 0.9
# When the document does not tell its language, a word found in some language's short
# lexicon scores this much less than its zipf there. Guess.
RECOVERY_UNKNOWN_LANGUAGE_PENALTY_ZIPF = 0.5
# Zipf frequency a word found in a short lexicon is taken to have at least: wordfreq's
# small lists keep the words of zipf 3 and above.
SHORT_LEXICON_MIN_ZIPF = 3.0

# Cost of each undone layer, so that of two equally plausible readings the one with
# fewer layers wins. Guess, tuned on hand-made cases in tests/cases.
MOJIBAKE_LAYER_COST = 0.25

# Bonus for a reading in which every non-ASCII character of the line was part of a valid
# UTF-8 sequence (at least two characters decoded): by chance clean text almost never is.
# Guess, tuned on tests/cases (lets ``KĂśtzting``-like repairs through, not ``“Ã©”``).
MOJIBAKE_CONSISTENCY_BONUS = 1.5

# Readings within this much of the least implausible one are ranked by lexicon.
MAX_MOJIBAKE_TIE_COST = 0.5

# Lexicon languages tried at most per line when ranking readings by known words.
MAX_LEXICON_LANGUAGES = 3

# The alphabet test (one word, one language's letters) applies to words at least this
# long: two-letter tokens are often initials or symbols (``Āø``). Guess.
MIN_ALPHABET_TEST_LETTERS = 3

# A lost byte is chosen by lexicon only on lines with at least this many words: alone, a
# word's language is a guess, and a wrong letter is worse than U+FFFD. Guess.
MIN_LOSSY_CONTEXT_WORDS = 3

# ---- repair (lossy mojibake)
# Combinations of fills tried at most for one word with several lost bytes (5 choices per
# Windows byte, 32 per Latin-1 C1 byte, so two Latin-1 bytes are too many): beyond this
# the bytes are left as U+FFFD for recovery.
MAX_LOSSY_COMBINATIONS = 256

# The best reading of a word with lost bytes must beat the runner-up by this many Zipf
# units (a factor of 10 in frequency) to be written. Guess, tuned on tests/cases.
MIN_LOSSY_ZIPF_MARGIN = 1.0

# Without a language clue from the rest of the line, a word with a lost byte is looked
# up in the languages its own letters suggest only when it has at least this many
# letters (short words are known somewhere in almost any language). Guess.
MIN_LOSSY_GUESS_LETTERS = 4

# A lost byte at the start of a word that may be a capital or a small letter (a name or
# a word) is filled by lexicon only when the word is at least this common (Zipf; 3 is
# once per million words). Guess.
MIN_LOSSY_MIXED_CASE_ZIPF = 3.0
# Such a word read in both cases (``ďalších`` or ``Ďalších`` after a comma) is written in
# small letters when it follows a small letter or a comma and the word is this common
# (Zipf 5.2, 160 per million: function words such as Czech ``či`` at 5.9, Slovak
# ``ďalších`` at 5.5; wordfreq lists names in small letters too, and Czech ``česka`` is
# 4.6, ``česko`` 5.0). Set from those figures.
MIN_LOSSY_MID_SENTENCE_ZIPF = 5.2

# Weight of a run of non-ASCII symbols wedged between two letters (``Geirhar√∞ur``) in
# the implausibility score: one such run is enough to repair a line. Guess, tuned on
# tests/cases (apostrophes between letters are not counted at all).
MOJIBAKE_SYMBOL_WEIGHT = 2

# ---- repair (speed)
# Lines longer than this are repaired in pieces cut at whitespace, so one huge line costs
# no more per character than many short ones. Real lines are far shorter; a repair never
# needs more context than a sentence.
MAX_REPAIR_SEGMENT_CHARS = 1000

# Word costs remembered across calls (a pure function of the word; bounded memory).
MAX_CACHED_WORD_COSTS = 65536

# ---- script recovery
# Letters of non-Latin alphabets lost to U+FFFD or ``?`` (cleaner.recover_script).

# Most frequent words of a language kept in the pattern index that multi-letter holes are
# matched against (about 1 MB of text per language). Guess: words past 100,000 in wordfreq's
# lists are rarer than Zipf 1.5, too rare to outweigh a competing reading anyway.
MAX_SCRIPT_INDEX_WORDS = 100_000
# A language's alphabet is read off its most frequent words: a letter belongs when at least
# this many of the first ALPHABET_SAMPLE_WORDS words use it (stray letters of loanwords and
# typos stay out). Measured: Russian words in the Ukrainian list bring ``ы`` into 8 of the
# first 5000, while real letters are in 14 or more (Russian ``ъ``); rarer real letters
# (Macedonian ``љ``) come in when the document writes them intact.
ALPHABET_SAMPLE_WORDS = 5000
MIN_ALPHABET_LETTER_WORDS = 10
# Tokens read to learn a document's language and vocabulary per script. Guess: 50,000 tokens
# are a long article; the language shows long before.
MAX_SCRIPT_SAMPLE_TOKENS = 50_000
# Distinct damaged words weighed per document; beyond this the rest stay (keeps 1 MB linear).
MAX_SCRIPT_RECOVERY_WORDS = 2000
# A document whose words of a script show at least this many U+FFFD runs, none of them a
# single U+FFFD, lost them by cutting characters (one run per character); with fewer runs a
# run of two may also be two letters. Guess: in text that lost whole letters, one U+FFFD in
# three or more runs is alone. (1 measured the same on synthetic damage of prose but reads
# ``МО\ufffd\ufffdВА`` as ``МОЛВА`` next to an intact ``Москва``.)
MIN_SCRIPT_CUT_RUNS = 3
# Lost letters per damaged word; a word missing more is mostly gone. Guess.
MAX_SCRIPT_LOST_LETTERS = 6
# A word's fillings are all looked up in the whole lexicon when there are at most this many
# (two lost letters of a 35-letter alphabet); more go through the index of frequent words.
# Guess: a thousand look-ups cost about a millisecond.
MAX_SCRIPT_DIRECT_FILLS = 1300
# Candidate words read per damaged word from an index (matches past this are rarer still).
# Guess.
MAX_SCRIPT_MATCHES = 400
# A damaged word is read only with at least this many intact letters of its script (one
# intact letter fits too many words). Guess.
MIN_SCRIPT_INTACT_LETTERS = 2
# The lexicon of a language is trusted for a document when at least this many of its intact
# words of that script are known to it and they are at least this share of them; otherwise
# only words intact elsewhere in the document fill holes (Kazakh, Armenian: no lexicon).
# Guess, tuned on synthetic damage of address lines and news prose.
MIN_SCRIPT_KNOWN_WORDS = 2
MIN_SCRIPT_KNOWN_SHARE = 0.4
# Between languages that know as many of those words, the one where they are more common
# wins: each known word adds its Zipf frequency divided by this (under one word's worth).
# Guess: separates Serbian from Bulgarian on shared words.
SCRIPT_LANGUAGE_ZIPF_DIVISOR = 10.0
# A reading that is a word found intact elsewhere in the document counts as at least this
# common (Zipf) plus the bonus: the document's own vocabulary is the best evidence. Guess.
SCRIPT_DOCUMENT_WORD_ZIPF = 2.0
SCRIPT_DOCUMENT_WORD_BONUS = 2.0
# Readings of at most this many letters are written only at this confidence or above: a
# short word with a hole fits many words (Hebrew ``היה``/``הזה``, Greek ``του``/``που``).
# Guess; above the general MIN_RECOVERY_CONFIDENCE because a wrong short word reads as right.
MAX_SCRIPT_SHORT_WORD_LETTERS = 3
MIN_SCRIPT_SHORT_WORD_CONFIDENCE = 0.8
# A reading that fills at least as many letters as the word kept is written only at this
# confidence or above (``رس\ufffd\ufffd`` fits ``رسول`` and ``رسمي``). Measured on the dev
# split's lossy mojibake repairs: such readings that were right scored 0.81 or more, the
# wrong ones 0.67 and 0.77.
MIN_SCRIPT_MOSTLY_LOST_CONFIDENCE = 0.8
# A lexicon reading must be at least this common (Zipf; 1.5 is about once in 30 million
# words) to be written. Guess.
MIN_SCRIPT_RECOVERY_ZIPF = 1.5
# A ``?`` ending a word of a script is read as a possible lost letter only when at least this
# many words of that script have a ``?`` inside (the text demonstrably lost letters to
# ``?``); the reading must then be this sure unless a lower-case word follows. Guesses: two
# damaged words rule out a stray typo; 0.9 leaves a real question mark alone unless the
# word without the letter is hardly a word.
MIN_SCRIPT_QMARK_EVIDENCE_WORDS = 2
MIN_SCRIPT_FINAL_QMARK_CONFIDENCE = 0.9
# Without such words, a text lost letters to ``?`` when its language writes the letters its
# charset lacks in so many words that at least this many of its intact words would show one
# (Ukrainian ``і`` is in a third of its words; ``ґ`` in almost none). Guess.
MIN_SCRIPT_EXPECTED_LOST_WORDS = 4.0
# A word no lexicon reading fits (small lists lack inflected forms: Greek, Bulgarian) is
# filled by the spelling of its language when it has at least this many intact letters and
# one lost letter, and the letter's share of the spelling likelihood reaches the confidence.
# Guesses, checked on synthetic damage of Greek, Bulgarian and Persian prose.
MIN_SCRIPT_SPELLING_LETTERS = 6
MIN_SCRIPT_SPELLING_CONFIDENCE = 0.9
# Add-k smoothing of the letter trigrams and the alphabet size it assumes. Guesses.
SCRIPT_SPELLING_SMOOTHING = 0.1
SCRIPT_SPELLING_LETTERS = 40
# A Greek reading of at least this many letters must carry an accent (the monosyllables
# ``και``, ``του`` do not; lexicons also list words typed without accents). Guess: few
# Greek words of five letters are monosyllables.
MIN_SCRIPT_ACCENTED_WORD_LETTERS = 5
# The share of the document's script words written with a capital above which a line is a
# line of names (an address), where a word-initial hole is filled with a capital. Guess: an
# address line writes its honorific, street-type, house and flat words in lower case (``пані
# ... вулиця ... буд. ... кв.``), so two in five of its intact words may be capitals, and
# the words that lost their first letter are not counted; prose runs below one in five.
MIN_SCRIPT_NAME_LINE_CAPITALS = 0.4
# A text too short to tell its language from its intact words (a name, an address) is told
# by its words with ``?`` holes too: at most this many of them are read, with at most this
# many ``?`` each (36 fillings of a six-letter set), each filled with the letters a language's
# charsets lack. Guesses: a line of names holds a handful of words.
MAX_SCRIPT_LANGUAGE_QMARK_WORDS = 8
MAX_SCRIPT_LANGUAGE_QMARKS = 2

# ---- lossy recovery: the document's lost letters
# A word the lexicon hesitates over is read again, its readings weighed by the letters the
# document's confident recoveries wrote, once they wrote at least this many. Guess: three
# recovered letters show which letters the text's charset lacked.
MIN_FILL_PRIOR_LETTERS = 3
# ... read again at most this many times while a reading recovers more words. Guess: two
# (the second reading lends the letters of the words the first one recovered).
MAX_FILL_PRIOR_READINGS = 2
# Legacy bytes read as UTF-8: the charset that wrote the most of the letters the confident
# recoveries put into U+FFFD is taken as the text's, once they put at least this many and
# it writes more than this share of them (a word filled with a letter it lacks is read
# again). Guess: two letters, and a clear majority of them.
MIN_LEGACY_CHARSET_LETTERS = 2
MIN_LEGACY_CHARSET_SHARE = 0.5
# A Latin text whose language neither stop words nor lexicons tell (a line of names) is
# told by its spelling: letter n-grams up to SPELLING_PROFILE_ORDER of each language's
# SPELLING_PROFILE_WORDS commonest words (about 0.03 s and 5,000 n-grams a language),
# over at most MAX_SPELLING_VOTE_WORDS intact and damaged words, damaged words with at most
# MAX_SPELLING_VOTE_HOLES holes; the leader must beat the next language by this many nats
# of log-likelihood. Guesses.
SPELLING_PROFILE_WORDS = 5000
SPELLING_PROFILE_ORDER = 3
MAX_SPELLING_VOTE_WORDS = 12
MAX_SPELLING_VOTE_HOLES = 2
MIN_SPELLING_LANGUAGE_MARGIN = 5.0

# ---- lossy recovery: words left to script recovery
# A Cyrillic word whose first letter is a ``?`` is left to script recovery, which takes the
# letter's case from the line around it (``?ванович`` after a first name is ``Іванович``),
# once the word keeps this many intact letters: a shorter one (Serbian ``?е`` for ``је``) is
# a common lower-case word that script recovery does not read. Guess: three letters.
MIN_LEFT_CYRILLIC_WORD_LETTERS = 3
# A language whose letter model gives an intact letter of the text a smaller share of its
# letters than this writes it only in stray loanwords, and gets no vote for the text's
# language. Measured per 10,000 letters of the lexicons' frequent words: French ``ü`` 0.2,
# ``ö`` 0.15; Spanish ``ü`` 0.76, Portuguese ``ü`` 0.54, Catalan ``ü`` 2.0 (real letters).
MIN_INTACT_LETTER_SHARE = 0.4e-4
# ... and its stop words name the text's language only when they are this many (a text of
# another language quoting a name, ``Müller`` in French prose, has more; ``N.`` and ``m.``
# in an Azerbaijani address are two). Guess.
MIN_STOP_WORD_HITS_DESPITE_STRAY_LETTER = 5
# The same word intact elsewhere counts for a damaged word of a script other than Latin
# only when it has this many letters: two-letter words (Bulgarian ``на``, ``да``) are in
# every sentence. Guess.
MIN_SAME_WORD_EVIDENCE_CHARS = 3

# ---- CJK recovery
# A character model of a language keeps the words of its wordfreq list at least this common
# (zipf): zh keeps 120,000 words, ja 87,000 (at 1.5: 200,000 and 140,000, whose n-grams,
# 530,000 and 260,000, take about 6.5 bytes each in a WordTable). Measured: building zh
# (450,000 keys with its words) took 2.9 s, ja 1.7 s, on the 2-core machine under a load
# of 7.
MIN_CJK_MODEL_ZIPF = 2.0
# A hole is filled only when its best character takes at least this share of the weight of
# all candidates. Measured on 287 holes cut into clean Chinese, Japanese and Korean text
# (two U+FFFD for one character): 23 of 23 fills right at 0.97, 27 of 30 at 0.95, 37 of 41
# at 0.9 (the wrong ones other words that fit: a synonym of two characters).
MIN_CJK_CONFIDENCE = 0.97
# The same for a ``?`` in Japanese or Korean text, whose candidates are the few characters
# the text's charset lacks. Measured on Japanese text through GB2312: 74 of 74 fills right
# at 0.95, 82 of 83 at 0.9, 89 of 92 at 0.8.
MIN_CJK_CHARSET_CONFIDENCE = 0.9
# The document's own character pairs and triples count as this many times their share of
# the text, against the lexicon's shares. Guess.
CJK_DOCUMENT_WEIGHT = 3.0
# Weight of the trigram estimate against the bigram one. Guess.
CJK_TRIGRAM_WEIGHT = 0.7
# Candidates scored in full (trigrams) after a bigram pass over the whole vocabulary.
MAX_CJK_FULL_CANDIDATES = 40
# Holes read in one text at most in one pass (each hole in new surroundings costs a pass
# over the vocabulary: 5 to 70 ms measured, idle to loaded machine), and the ``?`` holes
# that choose the legacy charset. Further holes wait for the next round of the pipeline
# (MAX_REPAIR_ROUNDS in all), so a text full of holes costs about 2 s at most, not 6 s as
# with 64 a pass; no dev case needed more than 16.
MAX_CJK_HOLES = 16
MAX_CJK_CHARSET_HOLES = 16
# Share of a simplified character against its traditional forms when a Chinese text shows
# neither variety's own characters. Guess: either variety is as likely.
CJK_SIMPLIFIED_SHARE = 0.5
# Scores are raised to this power before their shares are taken: the product of the n-gram
# probabilities and the whole-word reading is overconfident (at 1, one fill in six above
# 0.9 was wrong on holes cut into clean text). Measured on such holes.
CJK_SCORE_EXPONENT = 0.5
# In the whole-word reading of the letters around a hole, a character that is no lexicon
# word weighs as a word this frequent (zipf 3) would. Guess.
CJK_WORD_FLOOR = 1e-6

# ---- lossy recovery: the stem model
# A word no lexicon lists (an inflection the list lacks: ``ogorčila``) and whose spelling
# the letter model does not make clear is weighed by its relatives too: the lexicon words
# that begin with its stem, cut from its last filled letter on (but not shorter than
# MIN_STEM_CHARS letters; MAX_STEM_CUTS cuts at most), and go on with one of the
# MAX_STEM_ENDINGS commonest endings (none, or up to MAX_STEM_ENDING_CHARS letters) of the
# MAX_ENDING_MODEL_WORDS most frequent words. Guesses: four letters is the shortest stem
# that is not a mere prefix; 100 endings of up to three letters cover the common
# inflections of the Slavic, Baltic and Finno-Ugric languages. About 300 look-ups (well
# under a millisecond) a filling.
MIN_STEM_CHARS = 4
MAX_STEM_ENDINGS = 100
MAX_STEM_CUTS = 3
MAX_STEM_ENDING_CHARS = 3
MAX_ENDING_MODEL_WORDS = 30000
# At most this many fillings are weighed (beyond, the letter model's best beginnings).
MAX_STEM_FILLINGS = 16
# Each filling's likelihood is multiplied by its share of the support (frequency per
# billion words of the relatives found, each filling counted STEM_SUPPORT_SMOOTHING more);
# the support must reach MIN_STEM_SUPPORT (one relative of zipf 1, a rare word) and the best
# filling must take MIN_STEM_SHARE of the product. Measured on 2,160 words of 18 Latin
# languages that lost their one accented letter (not the last), from the rarer two thirds
# of each lexicon, the word itself not counted as its relative: the letter model alone
# fills 1,577 (1,457 right); where it may not, this fills 247 more (194 right: the letter
# left as a hole would be wrong every time). The shares 0.9 and 0.97 and the smoothing 1
# and 10 were compared; these were best (200 endings and every cut: 255 more, 205 right,
# at three times the cost).
MIN_STEM_SUPPORT = 10.0
STEM_SUPPORT_SMOOTHING = 1.0
MIN_STEM_SHARE = 0.9

# ---- lossy recovery: lost marks between words
# A ``?`` or U+FFFD between two words written together (``north?east``) is a lost joining
# mark when each part has at least MIN_JOINED_PART_CHARS letters and a Zipf frequency of at
# least MIN_JOINED_PART_ZIPF in the document's language (plain words, not fragments such as
# ``don`` + ``t``), neither is a stop word (``why?because`` is a question and a word), and
# the language has no letter the damage could have lost there. Guesses: three letters, and
# zipf 3 (a word met once in a million). The confidence is that of a lost spaced dash.
MIN_JOINED_PART_CHARS = 3
MIN_JOINED_PART_ZIPF = 3.0

# ---- lossy recovery: quotation marks around damaged words
# A word inside a pair of lost quotation marks that lost letters of its own
# (``?üyeli?iyle?``) is weighed with its inner ``?`` filled at best, trying at most this many
# fillings (three holes of a seven-letter set). Guess.
MAX_QUOTE_WORD_FILLINGS = 400
# When no lexicon knows the word nor any word with a letter for the mark, the word's letter-
# model spelling must beat the best spelling with that letter by this many nats. Measured on
# the spellings of a few intact Turkish words against each with a lost letter before it:
# leads of 4.5 to 6.7 nats for ordinary words, 1.3 for a short one (``ama``). Guess: 5.
MIN_QUOTE_SPELLING_LEAD_NATS = 5.0
# ASCII quotation marks a text must show intact to be read as writing its quotations with
# them (then no ``?`` pair stands for lost marks). Two: an opening and a closing one; one
# alone may be an inch sign (``5' 10"``).
MIN_INTACT_ASCII_QUOTES = 2

# ---- lossy recovery: one U+FFFD per letter
# A chunk boundary cuts a character into two U+FFFD or more; a lone U+FFFD after a letter in
# a text with intact letters is one letter whose bytes a lossy mojibake repair lost, once
# the text has at least this many intact words and they tell its language (a lone word,
# ``Sloven\ufffdina``, is left as it is). Guess.
MIN_WORDS_FOR_LONE_LOST_LETTERS = 5
