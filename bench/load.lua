-- Mixed traffic for bench/load.py: `entries` (prepended by load.py) lists the requests
-- with their weights; each connection picks them in a weighted round robin.
local queue = {}
for _, entry in ipairs(entries) do
  for _ = 1, entry.weight do
    table.insert(queue, wrk.format(entry.method, entry.path, entry.headers, nil))
  end
end
local position = 0

request = function()
  position = position % #queue + 1
  return queue[position]
end
