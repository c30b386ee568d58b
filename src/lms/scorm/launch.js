/* global window, document */
// The launch page's script inside a SCORM 1.2 package. A classic script, not a
// module: Chromium refuses module scripts from file://, and a package must run
// from an unzipped folder as well as from the learning platform.
//
// It reads the lesson (steps, pictures, questions with their answers, all
// computed when the package was made) from <script type="application/json"
// id="lesson">, steps through it, asks each question before its step runs,
// reveals the answer with the step's narration, and reports to the platform
// through the SCORM 1.2 run-time API: LMSInitialize, cmi.core.lesson_status,
// cmi.core.score.raw/min/max, cmi.suspend_data (to resume), LMSCommit,
// LMSFinish. Without a platform it still runs, keeping the score itself.
//
// Text from the lesson is only ever set as textContent, never as markup.
(function () {
  'use strict';

  // ---- the SCORM 1.2 API: window.API in a parent frame or the opener (SCORM 1.2 RTE, 3.3.6.1) ----
  function findApiIn(win) {
    var tries = 0;
    try {
      while (win && !win.API && win.parent && win.parent !== win && tries < 500) {
        tries++;
        win = win.parent;
      }
      return win && win.API ? win.API : null;
    } catch {
      return null;
    }
  }
  function findApi() {
    var api = findApiIn(window);
    if (!api) {
      try {
        if (window.opener) api = findApiIn(window.opener);
      } catch {
        api = null;
      }
    }
    return api;
  }

  var api = findApi();
  var started = false;
  var finished = false;
  function lms(method, a, b) {
    // Nothing but LMSInitialize may be called before LMSInitialize, nor anything after LMSFinish (SCORM 1.2 RTE 3.3.2).
    if (!api || typeof api[method] !== 'function') return '';
    if (method !== 'LMSInitialize' && (!started || (finished && method !== 'LMSFinish'))) return '';
    try {
      return String(b === undefined ? api[method](a) : api[method](a, b));
    } catch {
      return '';
    }
  }
  function lmsStart() {
    if (!api || started) return;
    started = lms('LMSInitialize', '') === 'true';
  }
  function lmsFinish() {
    if (!started || finished) return;
    lms('LMSCommit', '');
    finished = true;
    lms('LMSFinish', '');
  }

  // ---- the lesson ----
  var lesson = JSON.parse(document.getElementById('lesson').textContent);
  var questions = [];
  lesson.scenarios.forEach(function (sc, s) {
    sc.steps.forEach(function (step, i) {
      step.questions.forEach(function (q) {
        q.where = { s: s, i: i };
        questions.push(q);
      });
    });
  });
  var state = { lang: lesson.lang, s: 0, i: -1, phase: 'show', responses: {} };

  function restore() {
    var saved = lms('LMSGetValue', 'cmi.suspend_data');
    if (!saved) return;
    try {
      var data = JSON.parse(saved);
      if (data && typeof data === 'object') {
        if (data.r && typeof data.r === 'object') state.responses = data.r;
        if (typeof data.s === 'number' && lesson.scenarios[data.s]) state.s = data.s;
        if (typeof data.i === 'number' && data.i >= -1 && data.i < lesson.scenarios[state.s].steps.length) state.i = data.i;
        if (data.l === 'de' || data.l === 'en') state.lang = data.l;
      }
    } catch {
      /* a damaged resume record starts the lesson afresh */
    }
  }

  function isRight(q, response) {
    if (response === null || response === undefined) return false;
    if (q.kind === 'spots') {
      if (!Array.isArray(response)) return false;
      var want = q.answer.slice().sort();
      var got = response.slice().sort();
      return want.length === got.length && want.every(function (v, k) { return v === got[k]; });
    }
    return response === q.answer;
  }
  function score() {
    var right = 0;
    var asked = 0;
    questions.forEach(function (q) {
      if (!(q.id in state.responses)) return;
      asked++;
      if (isRight(q, state.responses[q.id])) right++;
    });
    return { right: right, asked: asked, total: questions.length };
  }

  function letter(k) {
    return String.fromCharCode(97 + (k % 26));
  }
  function interactionResponse(q, response) {
    if (q.kind === 'yesno') return response === null ? '' : response ? 't' : 'f';
    if (q.kind === 'count') return response === null ? '' : String(response);
    return (response || []).map(function (v) { return letter(q.options.map(function (o) { return o.value; }).indexOf(v)); }).join(',');
  }
  function report(q) {
    if (!started) return;
    var sc = score();
    var done = sc.asked === sc.total;
    lms('LMSSetValue', 'cmi.core.score.min', '0');
    lms('LMSSetValue', 'cmi.core.score.max', '100');
    lms('LMSSetValue', 'cmi.core.score.raw', String(sc.total ? Math.round((100 * sc.right) / sc.total) : 100));
    lms('LMSSetValue', 'cmi.core.lesson_status', done ? 'completed' : 'incomplete');
    if (q) {
      var n = lms('LMSGetValue', 'cmi.interactions._count');
      var idx = /^\d+$/.test(n) ? n : String(questions.indexOf(q));
      var type = q.kind === 'yesno' ? 'true-false' : q.kind === 'count' ? 'numeric' : 'choice';
      lms('LMSSetValue', 'cmi.interactions.' + idx + '.id', q.id);
      lms('LMSSetValue', 'cmi.interactions.' + idx + '.type', type);
      lms('LMSSetValue', 'cmi.interactions.' + idx + '.correct_responses.0.pattern', interactionResponse(q, q.answer));
      lms('LMSSetValue', 'cmi.interactions.' + idx + '.student_response', interactionResponse(q, state.responses[q.id]));
      lms('LMSSetValue', 'cmi.interactions.' + idx + '.result', isRight(q, state.responses[q.id]) ? 'correct' : 'wrong');
    }
    save();
  }
  function save() {
    if (!started) return;
    lms('LMSSetValue', 'cmi.suspend_data', JSON.stringify({ r: state.responses, s: state.s, i: state.i, l: state.lang }).slice(0, 4096));
    lms('LMSSetValue', 'cmi.core.lesson_location', state.s + '.' + state.i);
    lms('LMSSetValue', 'cmi.core.exit', 'suspend');
    lms('LMSCommit', '');
  }

  // ---- drawing, with textContent only ----
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'on') Object.keys(attrs.on).forEach(function (ev) { node.addEventListener(ev, attrs.on[ev]); });
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function tr(key, params) {
    var text = lesson.ui[state.lang][key] || key;
    Object.keys(params || {}).forEach(function (p) { text = text.split('{{' + p + '}}').join(String(params[p])); });
    return text;
  }
  function L(text) {
    return text ? text[state.lang] : '';
  }

  var root = document.getElementById('app');

  function currentStep() {
    var sc = lesson.scenarios[state.s];
    return sc && state.i >= 0 ? sc.steps[state.i] : null;
  }
  function unanswered(step) {
    return step ? step.questions.filter(function (q) { return !(q.id in state.responses); }) : [];
  }

  function go(delta) {
    var sc = lesson.scenarios[state.s];
    if (delta > 0) {
      if (state.phase === 'ask') {
        state.phase = 'show';
      } else if (state.i + 1 < sc.steps.length) {
        state.i++;
        state.phase = unanswered(sc.steps[state.i]).length ? 'ask' : 'show';
      } else if (state.s + 1 < lesson.scenarios.length) {
        state.s++;
        state.i = -1;
        state.phase = 'show';
      } else {
        state.i = sc.steps.length;
        state.phase = 'end';
      }
    } else {
      if (state.phase === 'end') state.i = sc.steps.length - 1;
      else if (state.i > -1) state.i--;
      else if (state.s > 0) {
        state.s--;
        state.i = lesson.scenarios[state.s].steps.length - 1;
      }
      state.phase = 'show';
    }
    save();
    draw(true);
  }

  function questionForm(q) {
    var answered = q.id in state.responses;
    var form = el('form', { class: 'question', 'data-question': q.id, 'aria-labelledby': 'q-' + q.id });
    var legendText = el('legend', { id: 'q-' + q.id, text: L(q.text) });
    var fieldset = el('fieldset', {}, [legendText]);
    var name = 'answer-' + q.id;
    var options;
    if (q.kind === 'spots') options = q.options.map(function (o) { return { value: o.value, label: L(o.label), type: 'checkbox' }; });
    else if (q.kind === 'yesno') options = [{ value: true, label: tr('yes'), type: 'radio' }, { value: false, label: tr('no'), type: 'radio' }];
    else {
      options = [];
      for (var n = 0; n <= q.max; n++) options.push({ value: n, label: q.countLabels[state.lang][n], type: 'radio' });
    }
    options.forEach(function (o, k) {
      var input = el('input', { type: o.type, name: name, value: String(k), id: name + '-' + k });
      if (answered) {
        input.disabled = true;
        var given = state.responses[q.id];
        input.checked = Array.isArray(given) ? given.indexOf(o.value) >= 0 : given === o.value;
      }
      fieldset.appendChild(el('div', { class: 'option' }, [input, el('label', { for: name + '-' + k, text: o.label })]));
    });
    form.appendChild(fieldset);
    if (!answered) {
      form.appendChild(el('button', { type: 'submit', class: 'primary', text: tr('check') }));
      form.appendChild(el('button', { type: 'button', text: tr('skip'), on: { click: function () { answer(q, null); } } }));
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var chosen = options.filter(function (o, k) { return document.getElementById(name + '-' + k).checked; }).map(function (o) { return o.value; });
        if (q.kind === 'spots') answer(q, chosen);
        else if (chosen.length) answer(q, chosen[0]);
      });
    } else {
      var given = state.responses[q.id];
      var verdict = given === null ? tr('skipped') : isRight(q, given) ? tr('right') : tr('wrong');
      form.appendChild(el('p', { class: 'verdict ' + (given === null ? 'skipped' : isRight(q, given) ? 'right' : 'wrong'), role: 'status', 'data-verdict': given === null ? 'skipped' : isRight(q, given) ? 'right' : 'wrong', text: verdict + ' ' + tr('answerIs', { answer: L(q.answerText) }) }));
    }
    return form;
  }

  function answer(q, response) {
    state.responses[q.id] = response;
    report(q);
    draw(false);
    var verdict = document.querySelector('[data-question="' + q.id + '"] .verdict');
    if (verdict) verdict.setAttribute('tabindex', '-1');
    if (verdict) verdict.focus();
  }

  function draw(moveFocus) {
    var sc = lesson.scenarios[state.s];
    var step = currentStep();
    var s = score();
    while (root.firstChild) root.removeChild(root.firstChild);
    document.documentElement.lang = state.lang;
    document.title = L(lesson.title);

    var langSelect = el('select', { id: 'lang', on: { change: function (e) { state.lang = e.target.value; save(); draw(false); } } }, lesson.langs.map(function (l) {
      var o = el('option', { value: l, text: l === 'de' ? 'Deutsch' : 'English' });
      if (l === state.lang) o.selected = true;
      return o;
    }));
    root.appendChild(el('header', {}, [
      el('h1', { text: L(lesson.title) }),
      el('label', { for: 'lang', text: tr('language') + ' ' }),
      langSelect,
      el('p', { class: 'score', id: 'score', 'data-right': String(s.right), 'data-asked': String(s.asked), role: 'status', text: tr('score', { right: s.right, asked: s.asked, total: s.total }) }),
    ]));

    var main = el('main', { id: 'main', tabindex: '-1' });
    main.appendChild(el('h2', { text: L(sc.title) }));
    if (state.phase === 'end') {
      main.appendChild(el('p', { class: 'finished', 'data-testid': 'finished', text: tr('finished', { right: s.right, total: s.total }) }));
      main.appendChild(el('img', { src: L(sc.final), alt: tr('finalPicture') }));
      lmsFinish();
    } else if (!step) {
      main.appendChild(el('p', { text: L(sc.summary) }));
      main.appendChild(el('img', { src: L(sc.start), alt: tr('startPicture') }));
    } else {
      main.appendChild(el('h3', { 'data-step': String(state.i + 1), text: tr('step', { step: state.i + 1, steps: sc.steps.length, name: L(step.name) }) }));
      var asking = state.phase === 'ask';
      main.appendChild(el('img', { src: L(asking ? step.before : step.picture), alt: asking ? tr('beforePicture') : tr('afterPicture') }));
      step.questions.forEach(function (q) { main.appendChild(questionForm(q)); });
      if (!asking) {
        if (step.note) main.appendChild(el('p', { class: 'note', text: L(step.note) }));
        main.appendChild(el('ol', { class: 'lines' }, step.lines[state.lang].map(function (line) { return el('li', { text: line }); })));
      }
    }
    var nav = el('nav', { 'aria-label': tr('navigation') });
    nav.appendChild(el('button', { type: 'button', id: 'back', text: tr('back'), on: { click: function () { go(-1); } } }));
    if (state.phase !== 'end') {
      var blocked = state.phase === 'ask' && unanswered(step).length > 0;
      var next = el('button', { type: 'button', id: 'next', class: 'primary', text: state.phase === 'ask' ? tr('run') : tr('next'), on: { click: function () { go(1); } } });
      if (blocked) next.disabled = true;
      nav.appendChild(next);
    }
    main.appendChild(nav);
    root.appendChild(main);
    if (moveFocus) main.focus();
  }

  lmsStart();
  restore();
  if (started) {
    var status = lms('LMSGetValue', 'cmi.core.lesson_status');
    if (!status || status === 'not attempted') lms('LMSSetValue', 'cmi.core.lesson_status', 'incomplete');
    lms('LMSCommit', '');
  }
  if (state.i >= 0) {
    var resumed = currentStep();
    state.phase = resumed && unanswered(resumed).length ? 'ask' : 'show';
  }
  window.addEventListener('pagehide', lmsFinish);
  window.addEventListener('beforeunload', lmsFinish);
  draw(false);
})();
