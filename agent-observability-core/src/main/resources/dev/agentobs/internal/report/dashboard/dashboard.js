/*
 * The agents dashboard: refreshes the page the server rendered from the same endpoint as JSON.
 * Every name and message is set with textContent, never parsed as HTML: names come from LLMs.
 * The structure (ids, classes, columns) is the server's, in DashboardPage.
 */
(function () {
  'use strict';

  var NONE = '\u2013';
  var body = document.body;
  var refreshMs = parseInt(body.getAttribute('data-refresh-ms'), 10) || 5000;
  var paused = false;
  var timer = null;
  var pending = false;

  // ---- formatting, as the server formats ----------------------------------------------------

  function seconds(iso) {
    var match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso || '');
    if (!match) {
      return 0;
    }
    return (parseInt(match[1] || '0', 10) * 3600) + (parseInt(match[2] || '0', 10) * 60)
      + parseFloat(match[3] || '0');
  }

  function human(iso) {
    var s = seconds(iso);
    var millis = Math.floor(s * 1000 + 1e-6);
    if (s === 0) {
      return '0 ms';
    }
    if (millis < 1) {
      return (s * 1000).toFixed(2) + ' ms';
    }
    if (millis < 1000) {
      return millis + ' ms';
    }
    if (millis < 60000) {
      return (millis / 1000).toFixed(2) + ' s';
    }
    var whole = Math.floor(s);
    if (whole < 3600) {
      return Math.floor(whole / 60) + 'm' + (whole % 60 !== 0 ? ' ' + (whole % 60) + 's' : '');
    }
    if (whole < 86400) {
      return Math.floor(whole / 3600) + 'h' + (whole % 3600 >= 60 ? ' ' + Math.floor(whole % 3600 / 60) + 'm' : '');
    }
    return Math.floor(whole / 86400) + 'd' + (whole % 86400 >= 3600 ? ' ' + Math.floor(whole % 86400 / 3600) + 'h' : '');
  }

  function count(n) {
    return Number(n).toLocaleString('en-US');
  }

  function percent(summary) {
    return summary.requests > 0 ? (summary.successRate * 100).toFixed(1) + '%' : NONE;
  }

  function usd(amount) {
    return '$' + Number(amount).toFixed(4);
  }

  // Whole cents of a budget, rounded as the page rounds them
  function dollars(amount) {
    return '$' + amount.toFixed(2);
  }

  function cost(value, unpricedCalls) {
    if (value === undefined || value === null) {
      return unpricedCalls > 0 ? 'unknown' : NONE;
    }
    return unpricedCalls > 0 ? usd(value) + ' + unknown' : usd(value);
  }

  function clock(instant) {
    var t = (instant || '').indexOf('T');
    return t >= 0 ? instant.substring(t + 1, t + 9) : (instant || '');
  }

  // ---- the DOM, by textContent only -----------------------------------------------------------

  function byId(id) {
    return document.getElementById(id);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function setText(id, text) {
    var node = byId(id);
    if (node && node.textContent !== text) {
      node.textContent = text;
    }
  }

  function row(name, cells) {
    var tr = element('tr');
    var th = element('th', null, name);
    th.scope = 'row';
    tr.appendChild(th);
    cells.forEach(function (cell) {
      tr.appendChild(element('td', null, cell));
    });
    return tr;
  }

  function fillTable(id, rows, columns) {
    var table = byId(id);
    if (!table) {
      return;
    }
    var tbody = table.tBodies[0];
    if (rows.length === 0) {
      var empty = element('tr', 'empty');
      var td = element('td', null, id === 'runs' ? 'No run yet' : 'None');
      td.colSpan = columns;
      empty.appendChild(td);
      rows = [empty];
    }
    tbody.replaceChildren.apply(tbody, rows);
  }

  function tile(id, value, note) {
    var node = byId('t-' + id);
    if (!node) {
      return;
    }
    node.querySelector('.value').textContent = value;
    node.querySelector('.note').textContent = note;
  }

  // ---- the sections -----------------------------------------------------------------------------

  function renderHeader(data) {
    var status = byId('status');
    if (status.textContent !== data.status) {
      status.textContent = data.status;
      status.className = 'pill ' + data.status.toLowerCase();
    }
    setText('status-reason', data.statusReason || '');
    var statistics = data.statistics;
    var up = seconds(statistics.uptime);
    setText('uptime', up < 60 ? Math.floor(up) + ' s' : human(statistics.uptime));
    setText('window', human(statistics.window));
    var updated = byId('updated');
    updated.dateTime = statistics.time;
    updated.textContent = clock(statistics.time);
  }

  function renderTiles(statistics) {
    var overall = statistics.overall.window;
    var windowText = 'in the last ' + human(statistics.window);
    tile('requests', count(overall.requests), windowText);
    tile('success', percent(overall), windowText);
    tile('p95', human(overall.p95ResponseTime), 'average ' + human(overall.averageResponseTime));
    tile('active', count(statistics.activeRuns), 'in progress now');
    renderFirstChunk(statistics, windowText);
    renderBudgets(statistics.budgets);
    var today = statistics.today;
    if (today) {
      tile('tokens', count(today.inputTokens) + ' / ' + count(today.outputTokens),
        'in / out, ' + count(today.calls) + ' model calls');
      tile('cost', usd(today.cost), today.unpricedModels.length === 0 ? today.date
        : 'and unknown: no price for ' + today.unpricedModels.join(', '));
    }
  }

  // The slowest model's p95 time to first chunk, as the page first rendered it
  function renderFirstChunk(statistics, windowText) {
    var slowest = null;
    var slowestSeconds = -1;
    Object.keys(statistics.models).forEach(function (name) {
      var p95 = statistics.models[name].window.p95TimeToFirstChunk;
      if (p95 && seconds(p95) > slowestSeconds) {
        slowest = name;
        slowestSeconds = seconds(p95);
      }
    });
    if (slowest === null) {
      tile('ttfc', NONE, 'no streamed model call ' + windowText);
    }
    else {
      tile('ttfc', human(statistics.models[slowest].window.p95TimeToFirstChunk), 'p95 of ' + slowest);
    }
  }

  // The runs the budgets stopped, and the agent nearest to being stopped for the rest of the day
  // (the highest share of its daily cost spent), or else the latest stop, as the page first
  // rendered them
  function renderBudgets(budgets) {
    var names = budgets ? Object.keys(budgets.agents) : [];
    if (names.length === 0) {
      tile('budgets', NONE, 'none configured');
      return;
    }
    var stops = 0;
    var nearest = null;
    var nearestCost = 0;
    var nearestLimit = 0;
    names.forEach(function (name) {
      var agent = budgets.agents[name];
      Object.keys(agent.stops).forEach(function (limit) {
        stops += agent.stops[limit];
      });
      var cost = typeof agent.todayCost === 'number' ? agent.todayCost : 0;
      var limit = agent.limits['daily-cost'];
      if (typeof limit === 'number' && (nearest === null || cost / limit > nearestCost / nearestLimit)) {
        nearest = name;
        nearestCost = cost;
        nearestLimit = limit;
      }
    });
    var note = budgets.mode === 'enforce' ? 'runs stopped (enforce)' : 'runs over budget, not stopped (report)';
    var last = budgets.lastStop;
    if (nearest !== null) {
      note += ' \u00b7 ' + nearest + ' ' + dollars(nearestCost) + ' of ' + dollars(nearestLimit) + ' today';
    }
    else if (last) {
      note += ' \u00b7 last: ' + last.agent + ' ' + last.limit + ' at ' + clock(last.time);
    }
    tile('budgets', count(stops), note);
  }

  function tokens(value) {
    return value === undefined || value === null ? NONE : count(value);
  }

  function renderStatistics(statistics) {
    fillTable('agents', Object.keys(statistics.agents).map(function (name) {
      var agent = statistics.agents[name];
      var w = agent.window;
      return row(name, [count(w.requests), percent(w), human(w.averageResponseTime), human(w.p95ResponseTime),
        count(agent.activeRuns), tokens(w.inputTokens), tokens(w.outputTokens), count(agent.total.requests)]);
    }), 9);
    fillTable('models', Object.keys(statistics.models).map(function (name) {
      var model = statistics.models[name];
      var w = model.window;
      var today = model.today;
      return row(name, [count(w.requests), percent(w), human(w.p95ResponseTime),
        today ? count(today.inputTokens) : NONE, today ? count(today.outputTokens) : NONE,
        today && today.cost !== undefined && today.cost !== null ? usd(today.cost) : NONE]);
    }), 7);
    fillTable('tools', Object.keys(statistics.tools).map(function (name) {
      var w = statistics.tools[name].window;
      return row(name, [count(w.requests), percent(w), human(w.averageResponseTime), human(w.p95ResponseTime)]);
    }), 5);
    fillTable('errors', statistics.recentErrors.map(function (error) {
      return row(clock(error.time), [error.operation, error.name, error.agent || NONE, error.type, error.message]);
    }), 6);
  }

  function renderAlerts(alerts) {
    if (!alerts) {
      return;
    }
    fillTable('alerts', alerts.map(function (alert) {
      return row(alert.name, [alert.severity, alert.agent || 'all', alert.summary, clock(alert.startsAt)]);
    }), 5);
  }

  function query(runId) {
    var params = new URLSearchParams(window.location.search);
    if (runId === null) {
      params.delete('run');
    }
    else if (runId !== undefined) {
      params.set('run', runId);
    }
    var text = params.toString();
    return '?' + text;
  }

  function renderAgentOptions(statistics) {
    var select = document.querySelector('#filters select[name=agent]');
    if (!select) {
      return;
    }
    var chosen = new URLSearchParams(window.location.search).get('agent') || '';
    var names = Object.keys(statistics.agents);
    if (chosen && names.indexOf(chosen) < 0) {
      names.push(chosen);
    }
    var current = Array.prototype.slice.call(select.options, 1).map(function (option) {
      return option.value;
    });
    if (current.join('\u0000') === names.join('\u0000')) {
      return;
    }
    var options = [element('option', null, 'all')];
    options[0].value = '';
    names.forEach(function (name) {
      var option = element('option', null, name);
      option.value = name;
      option.selected = name === chosen;
      options.push(option);
    });
    select.replaceChildren.apply(select, options);
  }

  function renderRuns(runs) {
    if (!runs) {
      return;
    }
    var focused = document.activeElement && document.activeElement.getAttribute('data-run-id');
    setText('runs-note', 'The last ' + count(runs.maxRuns) + ' runs are kept, ' + count(runs.maxOperationsPerRun)
      + ' operations each; ' + count(runs.recordedRuns) + ' recorded since start.'
      + (runs.lostOperations > 0 ? ' ' + count(runs.lostOperations)
        + ' operations lost while too many runs were in progress.' : ''));
    fillTable('runs', runs.runs.map(function (run) {
      var tr = element('tr', run.failed ? 'failed' : null);
      var started = element('td');
      var time = element('time', null, clock(run.start));
      time.dateTime = run.start;
      started.appendChild(time);
      tr.appendChild(started);
      var th = element('th');
      th.scope = 'row';
      var link = element('a', 'open-run', run.agent);
      link.href = query(run.runId);
      link.setAttribute('data-run-id', run.runId);
      th.appendChild(link);
      tr.appendChild(th);
      [human(run.duration),
        count(run.operations) + (run.droppedOperations > 0 ? ' (+' + count(run.droppedOperations) + ' not kept)' : ''),
        count(run.inputTokens), count(run.outputTokens), cost(run.cost, run.unpricedCalls),
        run.failed ? 'failed: ' + run.errorType : 'ok'].forEach(function (text) {
        tr.appendChild(element('td', null, text));
      });
      return tr;
    }), 8);
    if (focused) {
      var again = document.querySelector('#runs a[data-run-id="' + CSS.escape(focused) + '"]');
      if (again) {
        again.focus();
      }
    }
  }

  function kindLabel(node) {
    switch (node.kind) {
      case 'agent_run': return 'run';
      case 'agent_step': return 'step ' + node.step;
      case 'model_call': return 'model';
      case 'tool_call': return 'tool';
      default: return 'code';
    }
  }

  function renderNode(node, depth, runSeconds) {
    var li = element('li', node.failed ? 'failed' : null);
    li.setAttribute('data-kind', node.kind);
    li.setAttribute('data-depth', String(depth));
    var line = element('div', 'node');
    var label = element('span', 'label');
    label.style.setProperty('--depth', String(depth));
    label.appendChild(element('span', 'kind', kindLabel(node)));
    label.appendChild(document.createTextNode(' '));
    label.appendChild(element('span', 'name', node.name));
    line.appendChild(label);
    var track = element('span', 'track');
    track.setAttribute('aria-hidden', 'true');
    var bar = element('span', 'bar');
    var left = Math.min(100, 100 * seconds(node.startOffset) / runSeconds);
    var width = Math.max(0.4, Math.min(100 - left, 100 * seconds(node.duration) / runSeconds));
    bar.style.left = left.toFixed(2) + '%';
    bar.style.width = width.toFixed(2) + '%';
    track.appendChild(bar);
    line.appendChild(track);
    var duration = element('span', 'dur', human(node.duration) + ' ');
    duration.appendChild(element('span', 'offset', 'at ' + human(node.startOffset)));
    line.appendChild(duration);
    line.appendChild(element('span', 'tok',
      node.inputTokens !== undefined ? count(node.inputTokens) + ' \u2192 ' + count(node.outputTokens) : ''));
    line.appendChild(element('span', 'cost',
      node.cost !== undefined || node.unpricedCalls !== undefined ? cost(node.cost, node.unpricedCalls || 0) : ''));
    li.appendChild(line);
    if (node.failed) {
      li.appendChild(element('p', 'error', node.errorType + (node.errorMessage ? ': ' + node.errorMessage : '')));
    }
    if (node.droppedOperations) {
      li.appendChild(element('p', 'note', count(node.droppedOperations) + ' more operations not kept'));
    }
    if (node.children.length > 0) {
      var list = element('ul');
      node.children.forEach(function (child) {
        list.appendChild(renderNode(child, depth + 1, runSeconds));
      });
      li.appendChild(list);
    }
    return li;
  }

  function fact(name, value) {
    var div = element('div');
    div.appendChild(element('dt', null, name));
    div.appendChild(element('dd', null, value));
    return div;
  }

  function renderRun(data) {
    var section = byId('run');
    var wanted = new URLSearchParams(window.location.search).get('run');
    if (!wanted) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    var run = data.run;
    var title = element('h2', null, run ? 'Run of ' : 'Run');
    title.id = 'run-title';
    var parts = [title];
    if (!run) {
      parts.push(element('p', 'note', data.runs ? 'Run ' + wanted + ' is not kept (any more).' : ''));
      section.replaceChildren.apply(section, parts);
      return;
    }
    var summary = run.run;
    title.appendChild(element('span', 'name', summary.agent));
    var close = element('p', 'close');
    var closeLink = element('a', null, 'Close the run');
    closeLink.id = 'close-run';
    closeLink.href = query(null);
    close.appendChild(closeLink);
    parts.push(close);
    var facts = element('dl', 'facts');
    facts.id = 'run-facts';
    [['Run id', summary.runId], ['Started', summary.start], ['Duration', human(summary.duration)],
      ['Outcome', summary.failed ? 'failed: ' + summary.errorType : 'ok'],
      ['Operations', count(summary.operations)
        + (summary.droppedOperations > 0 ? ' (+' + count(summary.droppedOperations) + ' not kept)' : '')],
      ['Tokens', count(summary.inputTokens) + ' in \u00b7 ' + count(summary.outputTokens) + ' out'],
      ['Cost', cost(summary.cost, summary.unpricedCalls)]].forEach(function (pair) {
      facts.appendChild(fact(pair[0], pair[1]));
    });
    if (summary.traceId) {
      facts.appendChild(fact('Trace id', summary.traceId));
    }
    if (summary.conversationId) {
      facts.appendChild(fact('Conversation', summary.conversationId));
    }
    parts.push(facts);
    var waterfall = element('div', 'waterfall');
    waterfall.id = 'waterfall';
    var head = element('div', 'node head');
    head.setAttribute('aria-hidden', 'true');
    ['label', 'track', 'dur', 'tok', 'cost'].forEach(function (name, i) {
      head.appendChild(element('span', name, ['Operation', 'Timeline', 'Duration', 'Tokens in \u2192 out', 'Cost'][i]));
    });
    waterfall.appendChild(head);
    var tree = element('ul', 'tree');
    tree.appendChild(renderNode(run.tree, 0, Math.max(1e-9, seconds(run.tree.duration))));
    waterfall.appendChild(tree);
    parts.push(waterfall);
    section.replaceChildren.apply(section, parts);
  }

  function render(data) {
    renderHeader(data);
    renderTiles(data.statistics);
    renderStatistics(data.statistics);
    renderAlerts(data.alerts);
    renderAgentOptions(data.statistics);
    renderRuns(data.runs);
    renderRun(data);
    body.setAttribute('data-refreshed', data.statistics.time);
  }

  // ---- refreshing -------------------------------------------------------------------------------

  function refresh() {
    if (pending) {
      return;
    }
    pending = true;
    fetch(window.location.pathname + window.location.search, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    }).then(function (data) {
      setText('problem', '');
      render(data);
    }).catch(function (error) {
      setText('problem', 'Update failed (' + error.message + '); trying again.');
    }).then(function () {
      pending = false;
    });
  }

  function schedule() {
    window.clearInterval(timer);
    timer = paused ? null : window.setInterval(function () {
      if (!document.hidden) {
        refresh();
      }
    }, refreshMs);
  }

  function navigate(search) {
    window.history.pushState(null, '', window.location.pathname + search);
    refresh();
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.open-run, a#close-run') : null;
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
      event.preventDefault();
      navigate(link.getAttribute('href'));
      if (link.classList.contains('open-run')) {
        byId('run').scrollIntoView({ block: 'start' });
      }
    }
  });

  var filters = byId('filters');
  if (filters) {
    filters.addEventListener('submit', function (event) {
      event.preventDefault();
      var params = new URLSearchParams(new FormData(filters));
      ['agent', 'failed', 'sort'].forEach(function (name) {
        if (!params.get(name) || (name === 'sort' && params.get(name) === 'recent')) {
          params.delete(name);
        }
      });
      var run = new URLSearchParams(window.location.search).get('run');
      if (run) {
        params.set('run', run);
      }
      navigate('?' + params.toString());
    });
  }

  window.addEventListener('popstate', refresh);

  var pause = byId('pause');
  pause.hidden = false;
  pause.addEventListener('click', function () {
    paused = !paused;
    pause.setAttribute('aria-pressed', String(paused));
    pause.textContent = paused ? 'Resume updates' : 'Pause updates';
    schedule();
    if (!paused) {
      refresh();
    }
  });

  schedule();
})();
