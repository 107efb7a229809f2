-- The statistics' queries read a day's or a year's rows (thousands, not millions) through an index:
-- no parallel workers for them. On the 2-core test machine at 100,000 projects, a year of 新增 and
-- 办结 per item took 70–85 ms with the two workers the planner chose and 13 ms without them
-- (starting the workers cost more than the scan they shared).
ALTER TABLE stats_approvals SET (parallel_workers = 0);
ALTER TABLE stats_steps SET (parallel_workers = 0);
ALTER TABLE stats_step_days SET (parallel_workers = 0);
