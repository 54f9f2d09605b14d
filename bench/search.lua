-- wrk script of bench/search.sh: GET /api/v1/public/search with a query taken in turn from a list a
-- reader might type, mixing the demo city's names and the generated matters' words, some with a
-- kind; each thread starts at another place in the list. Counts the answers that are not 200.
local queries = {
  "早餐会", "水痘", "合唱团", "叶家村", "锦绣社区", "专利", "慈善", "党校",
  "老旧小区改造", "停车难", "营商环境", "学校周边交通", "农村供水", "企业用地", "医保报销", "公交线路",
  "社区 养老", "专项债", "上市", "株洲", "示例 12345", "关于推进", "群众诉求",
}
local kinds = { "", "", "", "&kind=ANSWER", "", "&kind=MEETING", "", "" }

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/v1/public/search?q=" .. encode(q) .. kinds[(i - 1) % #kinds + 1]
end

local counter = 0
function init(args)
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
