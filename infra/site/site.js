// The reader's pages. Every value from the API goes into the page as text (textContent), never as markup.
'use strict';

const api = '/api';

function status(text) {
  document.getElementById('status').textContent = text;
}

function tagsFrom(input) {
  return input.split(',').map(t => t.trim().toLowerCase()).filter(t => t.length > 0);
}

async function problemText(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || response.statusText;
  } catch (e) {
    return response.statusText;
  }
}

async function showPosts(list) {
  const response = await fetch(api + '/posts');
  if (!response.ok) {
    status('The posts cannot be loaded: ' + await problemText(response));
    return;
  }
  const page = await response.json();
  for (const post of page.items) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = '/post.html?slug=' + encodeURIComponent(post.slug);
    link.textContent = post.title;
    const summary = document.createElement('p');
    summary.textContent = post.summary;
    item.append(link, summary);
    list.append(item);
  }
  status(page.items.length === 0 ? 'No posts yet.' : '');
}

async function showPost(article) {
  const slug = new URLSearchParams(location.search).get('slug') || '';
  const response = await fetch(api + '/posts/' + encodeURIComponent(slug));
  if (!response.ok) {
    status(response.status === 404 ? 'There is no such post.' : 'The post cannot be loaded: ' + await problemText(response));
    return;
  }
  const post = await response.json();
  document.title = post.title + ' - MyBlog';
  document.getElementById('post-title').textContent = post.title;
  document.getElementById('post-summary').textContent = post.summary;
  document.getElementById('post-body').textContent = post.body;
  document.getElementById('post-tags').textContent = post.tags.length ? 'Topics: ' + post.tags.join(', ') : '';
  article.hidden = false;
  status('');
}

function handleSubscribe(form) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const response = await fetch(api + '/subscriptions', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({email: form.email.value, tags: tagsFrom(form.tags.value)}),
    });
    status(response.ok ? 'Check your inbox: the confirmation link is on its way.'
      : 'Not subscribed: ' + await problemText(response));
  });
}

document.addEventListener('DOMContentLoaded', () => {
  const page = document.querySelector('[data-page]');
  const show = {list: showPosts, post: showPost, subscribe: handleSubscribe}[page ? page.dataset.page : ''];
  if (show) {
    Promise.resolve(show(page)).catch(e => status('Something went wrong: ' + e.message));
  }
});
