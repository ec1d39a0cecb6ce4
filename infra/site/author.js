// The author's page: signs in with the user pool's InitiateAuth (USER_PASSWORD_AUTH, which the app client allows),
// then creates and publishes a post through the API. The access token stays in this page's memory only.
'use strict';

let accessToken = null;

async function signIn(config, username, password) {
  const response = await fetch(config.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.userPoolClientId,
      AuthParameters: {USERNAME: username, PASSWORD: password},
    }),
  });
  if (!response.ok) {
    throw new Error('sign-in refused');
  }
  return (await response.json()).AuthenticationResult.AccessToken;
}

async function publish(form) {
  const auth = {'Authorization': 'Bearer ' + accessToken};
  const created = await fetch(api + '/posts', {
    method: 'POST',
    headers: {...auth, 'Content-Type': 'application/json'},
    body: JSON.stringify({
      slug: form.slug.value, title: form.title.value, summary: form.summary.value,
      body: form.body.value, tags: tagsFrom(form.tags.value),
    }),
  });
  if (!created.ok) {
    throw new Error(await problemText(created));
  }
  const published = await fetch(api + '/posts/' + encodeURIComponent(form.slug.value) + '/publication', {
    method: 'POST',
    headers: {...auth, 'If-Match': created.headers.get('ETag')},
  });
  if (!published.ok) {
    throw new Error(await problemText(published));
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const signInForm = document.getElementById('sign-in');
  const publishForm = document.getElementById('publish');
  signInForm.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const config = await (await fetch('/config.json')).json();
      accessToken = await signIn(config, signInForm.username.value, signInForm.password.value);
      signInForm.hidden = true;
      publishForm.hidden = false;
      status('Signed in.');
    } catch (e) {
      status('Not signed in: ' + e.message);
    }
  });
  publishForm.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await publish(publishForm);
      const link = document.createElement('a');
      link.href = '/post.html?slug=' + encodeURIComponent(publishForm.slug.value);
      link.textContent = 'Published: ' + publishForm.title.value;
      const out = document.getElementById('status');
      out.replaceChildren(link);
    } catch (e) {
      status('Not published: ' + e.message);
    }
  });
});
