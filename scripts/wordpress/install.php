<?php
// Unattended WordPress install for the test server: php install.php SITE TITLE USER PASSWORD ZONE
// Prints one JSON line with the administrator's new application password.
[$script, $site, $title, $user, $password, $zone] = $argv;
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST');
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
ob_start(); // wp_install tries to send mail ("sendmail: not found"): harmless, kept off stdout
$result = wp_install($title, $user, $user . '@example.org', true, '', $password);
ob_end_clean();
update_option('timezone_string', $zone);
update_option('date_format', 'j F Y');
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
flush_rewrite_rules();
[$appPassword] = WP_Application_Passwords::create_new_application_password(
    $result['user_id'],
    ['name' => 'Pressroom tests']
);
echo json_encode(['userId' => $result['user_id'], 'appPassword' => $appPassword]), "\n";
