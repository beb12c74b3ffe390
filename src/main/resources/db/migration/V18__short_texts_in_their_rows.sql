-- Draft bodies (CLOB) of up to 4 KB are kept in their row instead of H2's separate LOB storage
-- (H2's default keeps only 256 bytes in place). A draft is a short email: storing and reading each
-- body through the LOB storage cost a third of the CPU of 'outreach' for 1,000 contacts
-- (docs/BENCH.md). Nothing stored changes; bodies already written stay where they are, and a
-- longer body still goes to the LOB storage.
SET MAX_LENGTH_INPLACE_LOB 4096;
