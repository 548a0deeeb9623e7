-- End-to-end test of btlang-lsp with Neovim 0.7's built-in LSP client (a real client, headless).
-- Environment: BTLANG_LSP (server command), WORK_DIR (scratch directory), RESULT_FILE (JSON results).
-- Every check records pass/fail; the script exits with `cquit 1` if any failed (and `qall!` otherwise).
local server = os.getenv('BTLANG_LSP')
local work = os.getenv('WORK_DIR')
local result_file = os.getenv('RESULT_FILE')
local results = {}
local failed = 0

local function record(name, ok, detail)
  table.insert(results, { name = name, ok = ok and true or false, detail = detail or '' })
  if not ok then failed = failed + 1 end
  io.stderr:write((ok and 'PASS ' or 'FAIL ') .. name .. (detail and detail ~= '' and (': ' .. detail) or '') .. '\n')
end

local function finish()
  local passed = 0
  for _, r in ipairs(results) do if r.ok then passed = passed + 1 end end
  local f = io.open(result_file, 'w')
  f:write(vim.fn.json_encode({ passed = passed, failed = failed, checks = results }))
  f:close()
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if not ok then record(name, false, tostring(err)) end
end

local function lines_of(text) return vim.split(text, '\n', { plain = true }) end

local source = table.concat({
  'kprobe:do_sys_openat2',
  '{',
  '  @start[tid] = nsecs;',
  '  $x = 1;',
  '  printff("%d\\n", $x);',
  '}',
  '',
  'kretprobe:do_sys_openat2',
  '/@start[tid]/',
  '{',
  '  @ns = hist(nsecs - @start[tid]);',
  '  delete(@start[tid]);',
  '}',
}, '\n')

local path = work .. '/probe.bt'
local f = io.open(path, 'w'); f:write(source .. '\n'); f:close()
vim.cmd('edit ' .. path)
local buf = vim.api.nvim_get_current_buf()

local initialized = false
local start_time = vim.loop.hrtime()
local init_ms = nil
local client_id = vim.lsp.start_client({
  name = 'btlang',
  cmd = { server },
  root_dir = work,
  on_init = function() initialized = true; init_ms = (vim.loop.hrtime() - start_time) / 1e6 end,
})
if not client_id then
  record('start_client', false, 'vim.lsp.start_client returned nil')
  finish()
end
vim.lsp.buf_attach_client(buf, client_id)

check('initialize', function()
  local ok = vim.wait(20000, function() return initialized end, 20)
  record('initialize', ok, init_ms and string.format('%.0f ms', init_ms) or 'no reply')
end)

local function diagnostics()
  return vim.diagnostic.get(buf)
end

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, 10000)
  if not responses or not responses[client_id] then return nil, 'no response' end
  local r = responses[client_id]
  local e = r.err or r.error
  if e then return nil, vim.inspect(e) end
  return r.result, nil
end

local function at(line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

check('diagnostics', function()
  local ok = vim.wait(15000, function() return #diagnostics() > 0 end, 20)
  local ds = diagnostics()
  local found = nil
  for _, d in ipairs(ds) do
    if d.lnum == 4 and tostring(code_of(d) or ''):match('^BT%d%d%d%d$') then found = d end
  end
  record('diagnostics', ok and found ~= nil and found.col == 2,
    ok and vim.inspect(vim.tbl_map(function(d) return { d.lnum, d.col, code_of(d), d.message } end, ds)) or 'none arrived')
end)

check('code action fixes the misspelled function', function()
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 4, character = 2 }, ['end'] = { line = 4, character = 9 } },
    context = { diagnostics = {} },
  }
  local result, err = request('textDocument/codeAction', params)
  local titles = {}
  local fix = nil
  for _, a in ipairs(result or {}) do
    table.insert(titles, a.title)
    if a.edit and a.title:match('printf') then fix = a end
  end
  record('code action fixes the misspelled function', fix ~= nil, err or table.concat(titles, '; '))
end)

check('completion in an entry probe', function()
  local result, err = request('textDocument/completion', at(3, 2))
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  record('completion in an entry probe', labels['pid'] and labels['printf'] and labels['@start'] and not labels['retval'],
    err or (#items .. ' items'))
end)

check('completion in a return probe offers retval', function()
  local result, err = request('textDocument/completion', at(10, 2))
  local items = result and (result.items or result) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  record('completion in a return probe offers retval', labels['retval'] == true, err or (#items .. ' items'))
end)

check('hover on a map shows its type', function()
  local result, err = request('textDocument/hover', at(2, 3))
  local text = result and result.contents and (result.contents.value or vim.inspect(result.contents)) or ''
  record('hover on a map shows its type', text:find('@start: map[', 1, true) ~= nil, err or text)
end)

check('hover on a builtin shows its documentation', function()
  local result, err = request('textDocument/hover', at(2, 17))
  local text = result and result.contents and (result.contents.value or '') or ''
  record('hover on a builtin shows its documentation', text:find('nsecs', 1, true) ~= nil, err or text)
end)

check('definition of a variable', function()
  local result, err = request('textDocument/definition', at(4, 18))
  local loc = result and (result[1] or result)
  record('definition of a variable', loc ~= nil and loc.range ~= nil and loc.range.start.line == 3 and loc.range.start.character == 2,
    err or vim.inspect(result))
end)

check('references of a map', function()
  local result, err = request('textDocument/references', vim.tbl_extend('force', at(2, 4), { context = { includeDeclaration = true } }))
  record('references of a map', result ~= nil and #result == 4, err or vim.inspect(result and #result))
end)

check('rename a map', function()
  local params = at(2, 4)
  params.newName = '@begin'
  local result, err = request('textDocument/rename', params)
  if result then vim.lsp.util.apply_workspace_edit(result, 'utf-16') end
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local _, count = text:gsub('@begin%[tid%]', '')
  record('rename a map', count == 4 and not text:find('@start', 1, true), err or text)
end)

check('rename of a builtin is refused', function()
  local params = at(2, 17)
  params.newName = 'foo'
  local result, err = request('textDocument/rename', params)
  record('rename of a builtin is refused', result == nil and err ~= nil, err or vim.inspect(result))
end)

check('document symbols', function()
  local result, err = request('textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
  local names = {}
  for _, s in ipairs(result or {}) do table.insert(names, s.name) end
  local joined = table.concat(names, ',')
  record('document symbols', joined:find('kprobe:do_sys_openat2', 1, true) ~= nil and joined:find('@ns', 1, true) ~= nil, err or joined)
end)

check('editing fixes the diagnostic', function()
  -- Fix the typo through a buffer edit: the client sends an incremental didChange.
  local line = vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1]
  vim.api.nvim_buf_set_text(buf, 4, 2, 4, 9, { 'printf' })
  local ok = vim.wait(15000, function()
    for _, d in ipairs(diagnostics()) do if d.lnum == 4 then return false end end
    return true
  end, 20)
  record('editing fixes the diagnostic', ok, line .. ' -> ' .. vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1] ..
    ' ' .. vim.inspect(vim.tbl_map(function(d) return { d.lnum, d.message } end, diagnostics())))
end)

check('diagnostic columns are UTF-16', function()
  -- 'é' is 2 bytes in the buffer (UTF-8) but 1 UTF-16 unit.
  vim.api.nvim_buf_set_lines(buf, 3, 4, false, { '  $x = 1; // é  ', '  $y = "é"; undefinedfn();' })
  local found = nil
  vim.wait(15000, function()
    for _, d in ipairs(diagnostics()) do
      if d.lnum == 4 then found = d; return true end
    end
    return false
  end, 20)
  -- Neovim converts the server's UTF-16 column to a byte column: 'undefinedfn' starts at UTF-16 unit 12, byte 13.
  record('diagnostic columns are UTF-16', found ~= nil and found.col == 13 and found.end_col == 24,
    vim.inspect(found and { found.col, found.end_col, found.message, vim.api.nvim_buf_get_lines(buf, 4, 5, false)[1] }))
end)

check('formatting', function()
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines_of('BEGIN{\n@x=1+2; // keep\n        if ($y>1){printf("a")}\n}'))
  local result, err = request('textDocument/formatting', { textDocument = { uri = vim.uri_from_bufnr(buf) }, options = { tabSize = 4, insertSpaces = true } })
  if result then vim.lsp.util.apply_text_edits(result, buf, 'utf-16') end
  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  local again = request('textDocument/formatting', { textDocument = { uri = vim.uri_from_bufnr(buf) }, options = { tabSize = 4, insertSpaces = true } })
  record('formatting', text:find('    @x = 1 + 2; // keep', 1, true) ~= nil and (again == nil or #again == 0), err or text)
end)

check('server exits on shutdown', function()
  local client = vim.lsp.get_client_by_id(client_id)
  client.stop()
  local ok = vim.wait(10000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
  record('server exits on shutdown', ok, '')
end)

finish()
