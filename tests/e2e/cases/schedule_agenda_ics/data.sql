-- A handful of activities and members for the Yongdeng example, phase 3 (2011-12-17 .. 2012-01-20).
BEGIN;
INSERT INTO activity (community, type, date, title, duty, created_at, updated_at) VALUES
  ('chengguan-dongjie', 'meeting', '2011-12-30', '统战工作例会', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('chengguan-dongjie', 'meeting', '2012-01-20', '统战工作例会', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('chengguan-dongjie', 'visit', '2012-01-16', '春节前走访', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('chengguan-beijie', 'visit', '2012-01-05', '走访困难统战成员', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('chengguan-nanjie', 'visit', '2012-01-18', '春节走访慰问', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('chengguan-xijie', 'meeting', '2011-12-29', '统战工作汇报会', 'quarterly_report', '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('zhongbao-jincheng', 'meeting', '2011-12-23', '统战工作例会', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('zhongbao-jincheng', 'report_upward', '2011-12-28', '第四季度工作汇报', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800'),
  ('zhongbao-jincheng', 'publicity', '2012-01-09', '统战政策宣传', NULL, '2012-01-31T09:00:00+0800', '2012-01-31T09:00:00+0800');
INSERT INTO member (community, name, key_contact, greetings, created_at, updated_at) VALUES
  ('chengguan-dongjie', '测试甲', 1, NULL, '2012-01-01T00:00:00+0800', '2012-01-01T00:00:00+0800'),
  ('chengguan-dongjie', '测试乙', 1, NULL, '2012-01-01T00:00:00+0800', '2012-01-01T00:00:00+0800'),
  ('chengguan-dongjie', '测试丙', 0, 'spring_festival', '2012-01-01T00:00:00+0800', '2012-01-01T00:00:00+0800');
INSERT INTO activity_member (activity_id, member_id)
  SELECT a.id, m.id FROM activity a, member m
  WHERE a.title = '春节前走访' AND m.name IN ('测试甲', '测试丙');
COMMIT;
