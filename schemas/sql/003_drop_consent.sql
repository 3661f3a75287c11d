-- Schema v3: no consent table.
--
-- v1 created a table for separate consent to sensitive fields (PIPL Art. 29) that no command ever
-- wrote or read: an empty table that looked like a safeguard. What tongxin enforces is that
-- ethnicity and religion (and the religious and ethnic-minority figure categories) exist only
-- when tongxin.yaml lists the field under privacy.sensitive_fields with its purpose; the signed
-- consent itself stays in the office's files. A table returns when a command records consent.
DROP TABLE consent;
