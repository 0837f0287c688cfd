<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="58"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="67"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="69"/>
        <source>Server and sign-in…</source>
        <translation>服务器与登录…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="70"/>
        <source>Sync automatically when the server is reachable</source>
        <translation>服务器可连接时自动同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="82"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="93"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="100"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="83"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="84"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="85"/>
        <source>Review</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="86"/>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="91"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="98"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="100"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="92"/>
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="94"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="100"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="95"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="98"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="102"/>
        <source>Open to fix</source>
        <translation>打开修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="103"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="104"/>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="129"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="140"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="131"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="139"/>
        <source>Refused</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="141"/>
        <source>Conflicts and refusals</source>
        <translation>冲突与被拒</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="142"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="177"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="178"/>
        <source>ready to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="179"/>
        <source>queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="180"/>
        <source>sent, photos pending</source>
        <translation>已发送，照片待传</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="181"/>
        <source>received by the server</source>
        <translation>服务器已接收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="182"/>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="183"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="184"/>
        <source>refused by the server</source>
        <translation>被服务器拒收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="185"/>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="193"/>
        <source>Server: %1 — signed in as %2</source>
        <translation>服务器：%1 — 已登录为 %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="198"/>
        <source>Not set up: choose “Server and sign-in…”.</source>
        <translation>尚未设置：请选择“服务器与登录…”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="203"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="204"/>
        <source>Last successful sync: %1</source>
        <translation>上次成功同步：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="207"/>
        <source>Waiting to send: %1 change(s) in %2 record(s); %3 photo(s) (%4)</source>
        <translation>待发送：%2 条记录中的 %1 项修改；照片 %3 张（%4）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="218"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="222"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="286"/>
        <source>inspection</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="222"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="287"/>
        <source>patrol</source>
        <translation>巡河记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="237"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="238"/>
        <source>refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="239"/>
        <source>awaiting supervisor</source>
        <translation>待主管审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="242"/>
        <source>merged field by field</source>
        <translation>已逐字段合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="243"/>
        <source>server&apos;s version kept; yours is listed here</source>
        <translation>保留服务器版本；您的版本列于此处</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="244"/>
        <source>sent as a proposal</source>
        <translation>已作为修改建议提交</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="245"/>
        <source>not uploaded; the rest synced</source>
        <translation>未上传；其余已同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="246"/>
        <source>accepted by a supervisor</source>
        <translation>主管已接受</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="247"/>
        <source>merged by a supervisor into a registered outfall</source>
        <translation>主管已合并到已登记排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="248"/>
        <source>rejected by a supervisor (see My records)</source>
        <translation>主管已驳回（见“我的记录”）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="251"/>
        <source>accepted later</source>
        <translation>之后已被接收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="252"/>
        <source>sent again</source>
        <translation>已重新发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="253"/>
        <source>withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="281"/>
        <source>%1 (correct by %2)</source>
        <translation>%1（请于 %2 前整改）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="288"/>
        <source>outfall</source>
        <translation>排污口</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="289"/>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="309"/>
        <source>Refused (%1)</source>
        <translation>被拒收（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="315"/>
        <source>Sync not finished: the server refused %1 record(s). Open each to fix it and send it again, or withdraw it with a reason.</source>
        <translation>同步未完成：服务器拒收了 %1 条记录。请逐条打开修改后重新发送，或写明原因后撤回。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="375"/>
        <source>Sending changes…</source>
        <translation>正在发送修改…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="376"/>
        <source>Uploading photos…</source>
        <translation>正在上传照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="377"/>
        <source>Receiving updates…</source>
        <translation>正在接收更新…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="378"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="406"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="390"/>
        <source>Sync not finished: %1 record(s) refused by the server (see “Refused”).</source>
        <translation>同步未完成：%1 条记录被服务器拒收（见“被拒收”）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="395"/>
        <source>Everything is on the server.</source>
        <translation>全部数据已在服务器上。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="398"/>
        <source>Some items are still waiting: see the lists below.</source>
        <translation>仍有内容等待发送：见下方列表。</translation>
    </message>
</context>
<context>
    <name>SyncSetupDialog</name>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="45"/>
        <source>Set up sync</source>
        <translation>设置同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="57"/>
        <source>Enter the address your office gave you, and your user name and password. This laptop is then registered as one of your devices.</source>
        <translation>请输入单位提供的服务器地址、您的用户名和密码。本机随后登记为您的设备之一。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="67"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="68"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="69"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="70"/>
        <source>This device&apos;s name</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="73"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="76"/>
        <source>Cancel sign-in</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="79"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="100"/>
        <source>Fill in the address, the user name and the password.</source>
        <translation>请填写地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="104"/>
        <source>Signing in… (you can cancel)</source>
        <translation>正在登录…（可以取消）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="126"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="128"/>
        <source>Sign-in cancelled. Nothing was changed.</source>
        <translation>已取消登录，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="123"/>
        <source>Signed in; this device is registered.</source>
        <translation>已登录，本机已登记。</translation>
    </message>
</context>
</TS>
